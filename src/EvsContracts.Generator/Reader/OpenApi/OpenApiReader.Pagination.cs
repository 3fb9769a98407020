using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary><c>x-pagination</c>: its shape and the members each style needs; what they name is checked by the model builder.</summary>
internal sealed partial class OpenApiReader
{
    private static readonly string[] s_paginationMembers =
        { "method", "style", "items", "pageSize", "marker", "markerProperty", "offset", "nextLink", "omitParameters" };

    private OpenApiPagination? ReadPagination(JsonNode node, string pointer)
    {
        if (node is not JsonObjectNode extension)
        {
            Report(DiagnosticDescriptors.PaginationNotObject, node, pointer);
            return null;
        }

        bool ok = true;
        foreach (JsonMember member in extension.Members)
        {
            if (System.Array.IndexOf(s_paginationMembers, member.Name) < 0)
            {
                Report(DiagnosticDescriptors.PaginationMemberUnknown, member, Quote(member.Name), pointer);
                ok = false;
            }
            else if (member.Name != "omitParameters" && member.Value is not JsonStringNode { Value.Length: > 0 })
            {
                Report(DiagnosticDescriptors.MemberOfWrongKind, member.Value, pointer + "/" + member.Name, "a non-empty string", Article(member.Value.KindName));
                ok = false;
            }
        }

        string? styleText = RequiredString(extension, pointer, "style");
        JsonMember? items = extension.Find("items");
        if (items is null)
        {
            ReportMissingOrWrong(extension, null, pointer.TrimStart('/') + ".items", "a string");
        }

        OpenApiPagingStyle style = OpenApiPagingStyle.Marker;
        switch (styleText)
        {
            case "marker": style = OpenApiPagingStyle.Marker; break;
            case "offset": style = OpenApiPagingStyle.Offset; break;
            case "nextLink": style = OpenApiPagingStyle.NextLink; break;
            case null: ok = false; break;
            default:
                Report(DiagnosticDescriptors.PaginationStyleInvalid, extension.Get("style")!, Quote(styleText), pointer + "/style");
                ok = false;
                break;
        }

        var result = new OpenApiPagination(style, items!, extension)
        {
            Method = extension.Find("method"),
            PageSize = extension.Find("pageSize"),
            Marker = extension.Find("marker"),
            MarkerProperty = extension.Find("markerProperty"),
            Offset = extension.Find("offset"),
            NextLink = extension.Find("nextLink"),
        };

        // Each style needs the member that moves it on to the next page.
        JsonMember? driver = style switch
        {
            OpenApiPagingStyle.Marker => result.Marker,
            OpenApiPagingStyle.Offset => result.Offset,
            _ => result.NextLink,
        };
        if (ok && driver is null)
        {
            string needed = style switch
            {
                OpenApiPagingStyle.Marker => "marker",
                OpenApiPagingStyle.Offset => "offset",
                _ => "nextLink",
            };
            Report(DiagnosticDescriptors.PaginationStyleNeedsMember, extension.Get("style")!, Quote(styleText!), Quote(needed), pointer);
            ok = false;
        }

        if (extension.Find("omitParameters") is { } omit)
        {
            if (omit.Value is JsonArrayNode array && AllStrings(array))
            {
                foreach (JsonNode item in array.Items)
                {
                    result.OmitParameters.Add((((JsonStringNode)item).Value, item));
                }
            }
            else
            {
                Report(DiagnosticDescriptors.NotAStringArray, omit.Value, pointer + "/omitParameters");
                ok = false;
            }
        }

        return ok && items is not null ? result : null;
    }

    private static bool AllStrings(JsonArrayNode array)
    {
        foreach (JsonNode item in array.Items)
        {
            if (item is not JsonStringNode)
            {
                return false;
            }
        }

        return true;
    }
}
