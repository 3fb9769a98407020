using System.Globalization;
using System.Text;

namespace EvsContracts.Benchmarks.Compiler;

/// <summary>
/// A large spec made in code: <see cref="Resources"/> resources of 3 operations (create, show, delete) and 6 schemas
/// each, so 300 operations and 600 schemas by default, using every construct of the shipped spec and a few more
/// (arrays, patterns, numeric ranges, a closed enum).
/// </summary>
public static class SyntheticSpec
{
    public const int Resources = 100;

    public static string Create(int resources = Resources, string descriptionSuffix = "")
    {
        var json = new StringBuilder(resources * 4096);
        json.Append("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Synthetic cloud\",\"version\":\"v1\",")
            .Append("\"x-namespace\":\"Synthetic.Cloud\",\"x-client-name\":\"SyntheticClient\"},\"paths\":{");
        for (int i = 0; i < resources; i++)
        {
            string r = Name(i);
            string plural = "/v2/{project_id}/" + r.ToLowerInvariant() + "s";
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append('"').Append(plural).Append("\":{\"post\":{\"operationId\":\"create").Append(r)
                .Append("\",\"summary\":\"Create a ").Append(r).Append(".\",\"parameters\":[").Append(ProjectParameter)
                .Append("],\"requestBody\":{\"required\":true,\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Create")
                .Append(r).Append("RequestBody\"}}}},\"responses\":{\"202\":{\"description\":\"Accepted.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/")
                .Append(r).Append("ResponseBody\"}}}}}}},");
            json.Append('"').Append(plural).Append("/{item_id}\":{\"get\":{\"operationId\":\"show").Append(r)
                .Append("\",\"parameters\":[").Append(ProjectParameter).Append(',').Append(ItemParameter)
                .Append("],\"responses\":{\"200\":{\"description\":\"OK.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/")
                .Append(r).Append("ResponseBody\"}}}}}},\"delete\":{\"operationId\":\"delete").Append(r)
                .Append("\",\"parameters\":[").Append(ProjectParameter).Append(',').Append(ItemParameter)
                .Append("],\"responses\":{\"202\":{\"description\":\"Accepted; no body.\"}}}}");
        }

        json.Append("},\"components\":{\"schemas\":{");
        for (int i = 0; i < resources; i++)
        {
            string r = Name(i);
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append("\"Create").Append(r).Append("RequestBody\":{\"type\":\"object\",\"required\":[\"item\"],\"properties\":{\"item\":{\"$ref\":\"#/components/schemas/Create")
                .Append(r).Append("Option\"}}},");
            json.Append("\"Create").Append(r).Append("Option\":{\"type\":\"object\",\"description\":\"What to create").Append(descriptionSuffix)
                .Append(".\",\"required\":[\"volume_id\",\"size\"],\"properties\":{")
                .Append("\"volume_id\":{\"type\":\"string\",\"format\":\"uuid\"},")
                .Append("\"name\":{\"type\":\"string\",\"x-max-bytes\":255,\"x-reserved-prefixes\":[\"autobk_\"]},")
                .Append("\"description\":{\"type\":[\"string\",\"null\"],\"maxLength\":255},")
                .Append("\"size\":{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":32768},")
                .Append("\"force\":{\"type\":\"boolean\",\"default\":false},")
                .Append("\"metadata\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\",\"maxLength\":255}},")
                .Append("\"tags\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/").Append(r).Append("Tag\"}}}},");
            json.Append('"').Append(r).Append("Tag\":{\"type\":\"object\",\"required\":[\"key\"],\"properties\":{")
                .Append("\"key\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":36,\"pattern\":\"^[a-z][a-z0-9_.-]*$\"},")
                .Append("\"value\":{\"type\":\"string\",\"maxLength\":43}}},");
            json.Append('"').Append(r).Append("ResponseBody\":{\"type\":\"object\",\"required\":[\"item\"],\"properties\":{\"item\":{\"$ref\":\"#/components/schemas/")
                .Append(r).Append("Details\"}}},");
            json.Append('"').Append(r).Append("Details\":{\"type\":\"object\",\"required\":[\"id\",\"status\",\"created_at\",\"size\"],\"properties\":{")
                .Append("\"id\":{\"type\":\"string\",\"format\":\"uuid\"},")
                .Append("\"status\":{\"$ref\":\"#/components/schemas/").Append(r).Append("Status\"},")
                .Append("\"name\":{\"type\":[\"string\",\"null\"]},")
                .Append("\"created_at\":{\"type\":\"string\",\"format\":\"date-time\"},")
                .Append("\"updated_at\":{\"type\":[\"string\",\"null\"],\"format\":\"date-time\"},")
                .Append("\"size\":{\"type\":\"integer\",\"format\":\"int64\"},")
                .Append("\"ratio\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1},")
                .Append("\"metadata\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},")
                .Append("\"tags\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/").Append(r).Append("Tag\"}}}},");
            json.Append('"').Append(r).Append("Status\":{\"type\":\"string\",\"enum\":[\"creating\",\"available\",\"error\",\"deleting\",\"error_deleting\"]")
                .Append(i % 2 == 0 ? ",\"x-extensible-enum\":true}" : "}");
        }

        return json.Append("}}}").ToString();
    }

    private const string ProjectParameter = "{\"name\":\"project_id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}";
    private const string ItemParameter = "{\"name\":\"item_id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\",\"format\":\"uuid\"}}";

    private static string Name(int i) => "Res" + i.ToString("D3", CultureInfo.InvariantCulture);
}
