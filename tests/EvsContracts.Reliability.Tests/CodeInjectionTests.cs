using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EvsContracts.Reliability.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Reliability.Tests;

/// <summary>
/// Spec text that tries to break out of its place in the generated C#: out of a string literal, a comment, an XML
/// doc comment, a preprocessor-free line, or an identifier. Each hostile string goes everywhere a spec string can go
/// at once; the output must compile warning-free (documentation diagnostics included), declare exactly the spec's
/// members, and carry the spec's strings unchanged in its constants, its JSON, its validation and on the wire.
/// </summary>
public sealed class CodeInjectionTests
{
    public static readonly string[] Hostile =
    [
        "*/", "/*", "</summary>", "<c>", "]]>", "&amp;", "<!-- x -->",
        "\r\n#error injected\r\n", "\n#line 1 \"evil.cs\"\n", "\r#error cr", "\u2028#error ls", "\u2029#error ps", "\u0085#error nel",
        "\"", "\\", "\\\"", "\"u8", "{", "}", "{0}", "$\"{x}\"", "@\"verbatim\"", "\"\"\"raw\"\"\"", "'c'",
        "class", "namespace", "System", "global::System", "///", "#if false",
        "\u202Eevil\u202C", "\u2066isolate\u2069", "\u200B", "\uFEFF", "\t\v\f", "\u0000", "\u0007",
        "\U0001F600", "e\u0301", "\u00E9", "快照", "Ⅻ",
    ];

    public static TheoryData<int> HostileCases() => new(Enumerable.Range(0, Hostile.Length));

    [Theory]
    [MemberData(nameof(HostileCases))]
    public async Task A_hostile_string_everywhere_compiles_to_exactly_the_spec(int index)
    {
        string h = Hostile[index];
        var spec = new InjectedSpec(h);
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/injected.openapi.json", spec.Json, allSchemas: true);
        GeneratorHost.AssertCompilesCleanly(outcome);
        AssertNoInvisibleControls(outcome);

        // Exactly the declared types, all in the spec's namespace: nothing was declared by injected code.
        (Assembly assembly, XDocument docs) = LoadWithDocs(outcome.Output);
        var generated = assembly.GetTypes().Where(t => !t.FullName!.Contains('<', StringComparison.Ordinal) && t.Namespace != "Consumer").ToList();
        Assert.All(generated, t => Assert.Equal("Injected.Api", t.Namespace));
        var models = generated.Where(t => !t.Name.EndsWith("JsonConverter", StringComparison.Ordinal) && t.DeclaringType is null).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Type other = generated.Single(t => t.Name.StartsWith('T') && t.GetMethod("Validate") is not null && t.Name != "Item");
        Assert.Equal(new[] { "IInjectedClient", "InjectedClient", "Item", "ItemKind", other.Name }.Order(StringComparer.Ordinal), models);
        Assert.Equal(new[] { "x" }, JsonNames(other, assembly));

        // Item: three properties, named in JSON exactly as in the spec.
        Type item = assembly.GetType("Injected.Api.Item", throwOnError: true)!;
        Assert.Equal(3, item.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length);
        Assert.Equal(new[] { "kind", "plain", spec.Property }.Order(StringComparer.Ordinal), JsonNames(item, assembly).Order(StringComparer.Ordinal));

        // The enum's values and the constraint attributes are the spec's strings.
        Type kind = assembly.GetType("Injected.Api.ItemKind", throwOnError: true)!;
        Assert.Equal(new[] { "plain", spec.EnumValue }, ((System.Collections.Immutable.ImmutableArray<string>)kind.GetProperty("AllowedValues")!.GetValue(null)!).ToArray());
        PropertyInfo hostileProperty = PropertyByJsonName(item, assembly, spec.Property);
        Assert.Equal(new[] { spec.Prefix }, hostileProperty.GetCustomAttribute<ReservedPrefixesAttribute>()!.Prefixes);
        Assert.Equal(spec.Pattern, hostileProperty.GetCustomAttribute<PatternAttribute>()!.Pattern);

        // Validation compares with the same strings: the prefix is found, the pattern matches, the enum value is known.
        object instance = NewItem(item, kind, hostileProperty, spec.Prefix + "tail", spec.EnumValue);
        var violations = (IReadOnlyList<ContractViolation>)item.GetMethod("Validate")!.Invoke(instance, null)!;
        ContractViolation violation = Assert.Single(violations);
        Assert.Equal(ContractRules.ReservedPrefix, violation.Rule);
        Assert.Equal(spec.Property, violation.Path);

        // Documentation says what the spec says, no more: the visible text survives, nothing became code. The
        // hostile property has no description, so its summary quotes its JSON name.
        string expectedDoc = Visible(h);
        if (expectedDoc.Length > 0)
        {
            Assert.Equal(expectedDoc, Visible(Summary(docs, "T:Injected.Api.Item")));
            Assert.Equal(expectedDoc, Visible(Summary(docs, "P:Injected.Api.Item.Plain")));
        }

        Assert.Equal(Visible($"The {spec.Property} member."), Visible(Summary(docs, "P:Injected.Api.Item." + hostileProperty.Name)));

        // On the wire: the path's literal text, the query parameter's name, both as the spec wrote them.
        await using KestrelServer server = await KestrelServer.StartAsync(async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { [spec.Property] = "v", ["plain"] = "p" }));
        });
        using HttpClient http = server.CreateClient();
        Type clientType = assembly.GetType("Injected.Api.InjectedClient", throwOnError: true)!;
        object client = Activator.CreateInstance(clientType, http, null)!;
        MethodInfo get = clientType.GetMethod("GetItemAsync")!;
        const string QueryValue = "a value & = # ? / +";
        var call = (Task)get.Invoke(client, ["id-1", QueryValue, CancellationToken.None])!;
        await call;
        SeenRequest seen = Assert.Single(server.Requests);
        Assert.Equal(spec.LiteralPath + "/id-1", seen.Path);
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query = QueryHelpers.ParseQuery(seen.Query);
        Assert.Equal(QueryValue, Assert.Single(query, p => p.Key == spec.QueryName).Value.ToString());
    }

    /// <summary>Names that are C# keywords or well-known namespaces, as property, schema, enum and parameter names.</summary>
    [Theory]
    [InlineData("class")]
    [InlineData("namespace")]
    [InlineData("string")]
    [InlineData("var")]
    [InlineData("System")]
    [InlineData("global")]
    [InlineData("EvsContracts")]
    [InlineData("Microsoft")]
    [InlineData("Task")]
    [InlineData("__arglist")]
    [InlineData("required")]
    [InlineData("scoped")]
    [InlineData("file")]
    [InlineData("record")]
    [InlineData("await")]
    [InlineData("async")]
    [InlineData("nameof")]
    [InlineData("dynamic")]
    [InlineData("yield")]
    [InlineData("field")]
    [InlineData("args")]
    public void Keywords_and_framework_names_as_spec_names_compile(string name)
    {
        string json = NamedEverywhere(name);
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/keywords.openapi.json", json);
        GeneratorHost.AssertCompilesCleanly(outcome);
        Assembly assembly = GeneratorHost.Load(outcome.Output);
        Type item = assembly.GetType("Injected.Api.Item", throwOnError: true)!;
        Assert.Equal(new[] { name, "plain" }.Order(StringComparer.Ordinal), JsonNames(item, assembly).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Names every generated type or client already has as a member: a schema, property, enum value or operation of
    /// that name either compiles (renamed or escaped) or is refused where it is written, never a compile error.
    /// </summary>
    [Theory]
    [InlineData("Value")]
    [InlineData("value")]
    [InlineData("Validate")]
    [InlineData("validate_into")]
    [InlineData("WriteJson")]
    [InlineData("read_json")]
    [InlineData("to_json")]
    [InlineData("ToUtf8Json")]
    [InlineData("from_json")]
    [InlineData("allowed_values")]
    [InlineData("read_json_value")]
    [InlineData("is_known")]
    [InlineData("key")]
    [InlineData("Equals")]
    [InlineData("get_hash_code")]
    [InlineData("to_string")]
    [InlineData("get_type")]
    [InlineData("options")]
    [InlineData("json_converter")]
    [InlineData("body")]
    [InlineData("cancellation_token")]
    public void Names_generated_members_already_have_compile_or_are_refused_where_written(string name)
    {
        string json = NamedEverywhere(name);
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/members.openapi.json", json);
        SpecInvariants.CheckOutcome(outcome);
        if (outcome.Sources.Count > 0)
        {
            GeneratorHost.Load(outcome.Output);
        }
    }

    /// <summary>One name as a path parameter, an operation, an enum schema, one of its values, and a property.</summary>
    private static string NamedEverywhere(string name) => Fill("""
            {"openapi": "3.1.0", "info": {"title": "K", "version": "1", "x-namespace": "Injected.Api", "x-client-name": "InjectedClient"},
             "paths": {"/k/{§0§}": {"get": {"operationId": §1§,
               "parameters": [{"name": §2§, "in": "path", "required": true, "schema": {"type": "string"}},
                              {"name": "q", "in": "query", "schema": {"$ref": §3§}}],
               "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}}}}},
             "components": {"schemas": {
               §4§: {"type": "string", "enum": [§5§, "other"]},
               "Item": {"type": "object", "required": [§6§], "properties": {§7§: {"$ref": §8§}, "plain": {"type": "string"}}}}}}
            """, name, Q(name), Q(name), Q("#/components/schemas/" + name), Q(name), Q(name), Q(name), Q(name), Q("#/components/schemas/" + name));

    [Theory]
    [InlineData("\u00E9", "e\u0301", "\u00C9")]
    [InlineData("name", "na\u200Bme", "Name")]
    [InlineData("name", "na\u202Eme", "Name")]
    [InlineData("a_b", "a-b", "AB")]
    [InlineData("userId", "user_id", "UserId")]
    [InlineData("\u212B", "\u00C5", "\u00C5")]
    public void Names_that_become_the_same_identifier_are_numbered_and_keep_their_wire_names(string first, string second, string member)
    {
        string json = Fill("""
            {"openapi": "3.1.0", "info": {"title": "K", "version": "1", "x-namespace": "Injected.Api"},
             "components": {"schemas": {"Item": {"type": "object", "properties": {§0§: {"type": "string"}, §1§: {"type": "string"}}}}}}
            """, Q(first), Q(second));
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/collide.openapi.json", json);
        SpecInvariants.CheckOutcome(outcome);
        Assert.Empty(outcome.Diagnostics);

        // The first keeps the name, the second is numbered; formatting characters never reach an identifier.
        string models = Assert.Single(outcome.SourceTexts(), s => s.Key.EndsWith(".Models.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains($"public string? {member} {{ get; ", models, StringComparison.Ordinal);
        Assert.Contains($"public string? {member}2 {{ get; ", models, StringComparison.Ordinal);
        Assert.DoesNotContain(models, c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
    }

    [Theory]
    [InlineData("x-namespace", "Injected.class")]
    [InlineData("x-namespace", "Injected.string.Api")]
    [InlineData("x-namespace", "Injected.Ev\u202Eil")]
    [InlineData("x-namespace", "Injected..Api")]
    [InlineData("x-namespace", "Injected.Api\n#error x")]
    [InlineData("x-client-name", "string")]
    [InlineData("x-client-name", "required")]
    [InlineData("x-client-name", "record")]
    [InlineData("x-client-name", "file")]
    [InlineData("x-client-name", "title")]
    [InlineData("x-namespace", "Injected.scoped")]
    [InlineData("x-client-name", "Evil\u202EClient")]
    [InlineData("x-client-name", "Evil Client")]
    public void A_namespace_or_client_name_that_is_not_a_plain_identifier_is_refused(string member, string value)
    {
        string json = Fill("""
            {"openapi": "3.1.0", "info": {"title": "K", "version": "1", §0§: §1§},
             "paths": {"/k": {"get": {"operationId": "getK", "responses": {"200": {"description": "ok"}}}}}}
            """, Q(member), Q(value));
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/names.openapi.json", json);
        SpecInvariants.CheckOutcome(outcome);
        Assert.Equal("EVS104", Assert.Single(outcome.Diagnostics).Id);
    }

    [Fact]
    public void An_all_lower_case_client_name_is_refused()
    {
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/hints.openapi.json", TwoNames("Owner", "owner", otherIsClient: true));
        SpecInvariants.CheckOutcome(outcome);
        Assert.Equal("EVS104", Assert.Single(outcome.Diagnostics).Id);
    }

    [Theory]
    [InlineData("Pet", "PetJsonConverter", false, "class Pet ", "class PetJsonConverter2 ")]
    [InlineData("Pet", "pet_json_converter", false, "class Pet ", "class PetJsonConverter2 ")]
    [InlineData("Box", "BOX", false, "class Box ", "class BOX2 ")]
    [InlineData("EvsClientServiceCollectionExtensions", "EvsClient", true, "class EvsClientServiceCollectionExtensions2 ", "class EvsClient ")]
    public void Generated_names_that_collide_ignoring_case_or_with_converters_are_numbered(string schema, string other, bool otherIsClient, string kept, string numbered)
    {
        // Types become files, and some file systems ignore case; every type also has a JSON converter class.
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/hints.openapi.json", TwoNames(schema, other, otherIsClient), allSchemas: true);
        SpecInvariants.CheckOutcome(outcome);
        Assert.Empty(outcome.Diagnostics);
        string sources = string.Concat(outcome.SourceTexts().Select(s => s.Value));
        Assert.Contains(kept, sources, StringComparison.Ordinal);
        Assert.Contains(numbered, sources, StringComparison.Ordinal);
    }

    private static string TwoNames(string schema, string other, bool otherIsClient)
    {
        string components = otherIsClient
            ? Fill("""{§0§: {"type": "object", "properties": {"a": {"type": "string"}}}}""", Q(schema))
            : Fill("""{§0§: {"type": "object", "properties": {"a": {"type": "string"}}}, §1§: {"type": "object", "properties": {"b": {"type": "string"}}}}""", Q(schema), Q(other));
        return Fill("""
            {"openapi": "3.1.0", "info": {"title": "K", "version": "1", "x-namespace": "Injected.Api", "x-client-name": §0§},
             "paths": {"/k": {"get": {"operationId": "getK", "responses": {"200": {"description": "ok"}}}}},
             "components": {"schemas": §1§}}
            """, Q(otherIsClient ? other : "InjectedClient"), components);
    }

    [Theory]
    [InlineData("/a/{id", "EVS101")]
    [InlineData("/a/id}", "EVS101")]
    [InlineData("/a/{{id}}", "EVS101")]
    [InlineData("/a/{}", "EVS101")]
    [InlineData("/a/{id}?x={id}", "EVS102")]
    [InlineData("/a/{id}?x=\u0001", "EVS101")]
    [InlineData("/a/\u0000/{id}", "EVS101")]
    [InlineData("/a/{id}\r\n", "EVS101")]
    [InlineData("/a/\t{id}", "EVS101")]
    [InlineData("/a\\b/{id}", "EVS101")]
    public void A_path_template_the_client_cannot_fill_in_is_refused(string path, string id)
    {
        // Found by the fuzzer: an unclosed '{' made the client emitter throw, so the build reported CS8785. A broken
        // template is an error; a query that uses a path parameter is one the client cannot send, which leaves the
        // path out with a warning.
        string json = Fill("""
            {"openapi": "3.1.0", "info": {"title": "K", "version": "1", "x-namespace": "Injected.Api"},
             "paths": {§0§: {"get": {"operationId": "getK",
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {"200": {"description": "ok"}}}}}}
            """, Q(path));
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/paths.openapi.json", json);
        SpecInvariants.CheckOutcome(outcome);
        Assert.Contains(outcome.Diagnostics, d => d.Id == id && d.Location.SourceSpan.Start == json.IndexOf(Q(path), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\\uD800")]
    [InlineData("\\uDFFF")]
    [InlineData("a\\uD83Db")]
    [InlineData("\\uDE00\\uD83D")]
    public void Half_a_surrogate_pair_is_refused_where_it_is_written(string escaped)
    {
        // Found by the fuzzer: in a name, normalization threw (reported as a generator defect); in a description, the
        // XML doc comment was malformed (CS1570).
        foreach (string json in new[] { SpecFuzzTests.Minimal(description: "\u0001"), SpecFuzzTests.Minimal(propertyName: "n\u0001") })
        {
            string text = json.Replace("\\u0001", escaped, StringComparison.Ordinal);
            GeneratorOutcome outcome = GeneratorHost.Run("/specs/surrogate.openapi.json", text);
            SpecInvariants.CheckOutcome(outcome);
            Diagnostic diagnostic = Assert.Single(outcome.Diagnostics);
            Assert.Equal("EVS100", diagnostic.Id);
            Assert.Contains("surrogate", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_whole_surrogate_pair_written_as_escapes_is_one_character()
    {
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/pair.openapi.json", SpecFuzzTests.Minimal(enumValue: "x\U0001F600").Replace("\\uD83D\\uDE00", "\\ud83d\\ude00", StringComparison.Ordinal));
        GeneratorHost.AssertCompilesCleanly(outcome);
        Assembly assembly = GeneratorHost.Load(outcome.Output);
        Assert.Equal(new[] { "plain", "x\U0001F600" }, ((System.Collections.Immutable.ImmutableArray<string>)assembly.GetType("Fuzz.Things.ThingKind")!.GetProperty("AllowedValues")!.GetValue(null)!).ToArray());
    }

    [Fact]
    public void A_property_without_a_description_does_not_put_its_name_into_the_doc_comment_as_markup()
    {
        // Found by the fuzzer: the fallback summary quoted the JSON name raw, so "\n#line 1" became a directive.
        GeneratorOutcome outcome = GeneratorHost.Run("/specs/fallback.openapi.json", SpecFuzzTests.Minimal(propertyName: "n</c></summary>\n#line 1 \"evil.cs\"\n"));
        GeneratorHost.AssertCompilesCleanly(outcome);
        Assert.DoesNotContain(outcome.Output.SyntaxTrees, tree => tree.GetText().ToString().Contains("\n#line", StringComparison.Ordinal));
    }

    [Fact]
    public void A_waiter_on_an_optional_enum_status_compiles()
    {
        // Found by the fuzzer: with "status" no longer required, the waiter read Nullable<T>.Value (CS0029).
        string json = Encoding.UTF8.GetString(SpecCorpus.Read("evs-snapshots.openapi.json"));
        var tree = JsonTree.Parse(Encoding.UTF8.GetBytes(json));
        foreach (JsonTreeSlot slot in tree.Slots())
        {
            if (slot.Node is JsonTreeArray array && slot.Parent is JsonTreeObject owner && owner.Members[slot.Index].Name.Value == "required")
            {
                array.Items.RemoveAll(i => i is JsonTreeString { Value: "status" });
            }
        }

        GeneratorOutcome outcome = GeneratorHost.Run("/specs/optional-status.openapi.json", tree.ToJson());
        GeneratorHost.AssertCompilesCleanly(outcome);
        Assert.Contains(outcome.SourceTexts(), s => s.Value.Contains("Status?.Value", StringComparison.Ordinal));
    }

    private static readonly System.Buffers.SearchValues<char> s_invisible =
        System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u2028\u2029\u0085\r\0");

    /// <summary>Raw bidi controls or line separators in generated source would make it read differently than it compiles.</summary>
    private static void AssertNoInvisibleControls(GeneratorOutcome outcome)
    {
        foreach ((string hint, string text) in outcome.SourceTexts())
        {
            int index = text.AsSpan().IndexOfAny(s_invisible);
            Assert.True(index < 0, $"{hint} holds U+{(index < 0 ? 0 : text[index]):X4} at {index}");
        }
    }

    private static (Assembly Assembly, XDocument Docs) LoadWithDocs(Compilation compilation)
    {
        using var docs = new MemoryStream();
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream, xmlDocumentationStream: docs);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        docs.Position = 0;
        XDocument xml = XDocument.Load(docs);
        stream.Position = 0;
        var context = new System.Runtime.Loader.AssemblyLoadContext("injected-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return (context.LoadFromStream(stream), xml);
    }

    private static string Summary(XDocument docs, string id)
    {
        XElement member = docs.Descendants("member").Single(m => (string?)m.Attribute("name") == id);
        return member.Element("summary")?.Value ?? string.Empty;
    }

    /// <summary>What a reader sees of a text: no control or format characters, any run of white space as one space.</summary>
    private static string Visible(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text)
        {
            bool lineBreak = c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';
            if (lineBreak || char.IsWhiteSpace(c))
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        return Regex.Replace(builder.ToString(), " +", " ").Trim();
    }

    /// <summary>The JSON member names a model writes, found by writing an instance with every string property set.</summary>
    private static List<string> JsonNames(Type model, Assembly assembly)
    {
        object instance = Activator.CreateInstance(model)!;
        foreach (PropertyInfo property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? value = property.PropertyType == typeof(string) ? "s"
                : property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is { } underlying && underlying.Assembly == assembly
                    ? Activator.CreateInstance(underlying, "other")
                : property.PropertyType.IsValueType && property.PropertyType.Assembly == assembly ? Activator.CreateInstance(property.PropertyType, "other")
                : null;
            property.SetValue(instance, value);
        }

        string json = (string)model.GetMethod("ToJson")!.Invoke(instance, null)!;
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }

    private static PropertyInfo PropertyByJsonName(Type model, Assembly assembly, string jsonName)
    {
        foreach (PropertyInfo property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)))
        {
            object instance = Activator.CreateInstance(model)!;
            property.SetValue(instance, "marker");
            using JsonDocument document = JsonDocument.Parse((string)model.GetMethod("ToJson")!.Invoke(instance, null)!);
            if (document.RootElement.TryGetProperty(jsonName, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() == "marker")
            {
                return property;
            }
        }

        throw new InvalidOperationException($"No property of {model.Name} is written as \"{jsonName}\" ({assembly.GetName().Name})");
    }

    private static object NewItem(Type item, Type kind, PropertyInfo hostile, string value, string enumValue)
    {
        object instance = Activator.CreateInstance(item)!;
        hostile.SetValue(instance, value);
        item.GetProperty("Plain")!.SetValue(instance, "plain");
        item.GetProperty("Kind")!.SetValue(instance, Activator.CreateInstance(kind, enumValue));
        return instance;
    }

    private static string Q(string value) => SpecFuzzTests.Quote(value);

    /// <summary>Puts values into a JSON template at <c>§0§</c>, <c>§1§</c>, ... (JSON is too brace-heavy for interpolation).</summary>
    private static string Fill(string template, params string[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            template = template.Replace("\u00a7" + i.ToString(CultureInfo.InvariantCulture) + "\u00a7", values[i], StringComparison.Ordinal);
        }

        return template;
    }

    /// <summary>One spec with the hostile string in every place a spec string can be.</summary>
    private sealed class InjectedSpec
    {
        public InjectedSpec(string h)
        {
            Property = "p" + h;
            EnumValue = "v" + h;
            Prefix = "r" + h;
            Pattern = Regex.Escape(h);
            QueryName = "q" + h;

            // Braces, '?', '#', '\' and control characters are refused in paths (tested on their own).
            LiteralPath = "/items/" + new string(h.Where(c => c is not ('{' or '}' or '?' or '#' or '\\') && !char.IsControl(c)).ToArray());
            Json = Fill("""
                {"openapi": "3.1.0",
                 "info": {"title": §0§, "version": §1§, "description": §2§, "x-namespace": "Injected.Api", "x-client-name": "InjectedClient"},
                 "paths": {§3§: {"get": {"operationId": "getItem", "summary": §4§, "description": §5§,
                   "parameters": [
                     {"name": "item_id", "in": "path", "required": true, "description": §6§, "schema": {"type": "string", "description": §7§}},
                     {"name": §8§, "in": "query", "description": §9§, "schema": {"type": "string"}}],
                   "responses": {
                     "200": {"description": §10§, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                     "default": {"description": §11§}}}}},
                 "components": {"schemas": {
                   "Item": {"type": "object", "title": §12§, "description": §13§, "required": [§14§],
                     "properties": {
                       §15§: {"type": "string", "default": §16§, "x-reserved-prefixes": [§17§], "pattern": §18§},
                       "plain": {"type": "string", "description": §19§},
                       "kind": {"type": "string", "description": §20§, "enum": ["plain", §21§]}}},
                   §22§: {"type": "object", "description": §23§, "properties": {"x": {"type": "string", "description": §24§}}}}}}
                """, Q(h), Q(h), Q(h), Q(LiteralPath + "/{item_id}"), Q(h), Q(h), Q(h), Q(h), Q(QueryName), Q(h), Q(h), Q(h), Q(h), Q(h), Q(Property), Q(Property), Q(h), Q(Prefix), Q(Pattern), Q(h), Q(h), Q(EnumValue), Q("T" + h), Q(h), Q(h));
        }

        public string Json { get; }

        public string Property { get; }

        public string EnumValue { get; }

        public string Prefix { get; }

        public string Pattern { get; }

        public string QueryName { get; }

        public string LiteralPath { get; }
    }
}
