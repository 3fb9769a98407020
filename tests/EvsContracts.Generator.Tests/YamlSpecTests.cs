using System.Text;
using EvsContracts.Generator.Tests.Infrastructure;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// The shipped spec and the kitchen-sink spec, written as YAML (<c>Specs/*.openapi.yaml</c>), generate exactly the
/// code their JSON does. The YAML files are written from the JSON by <see cref="YamlWriter"/> and checked like golden
/// files, so a change to a JSON spec shows up here until <c>EVS_ACCEPT_GOLDEN=1</c> writes its YAML again.
/// </summary>
public class YamlSpecTests
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static TheoryData<string> Specs => new() { "evs-snapshots", "kitchen-sink" };

    private static string JsonPath(string spec) =>
        spec == "evs-snapshots" ? "specs/shipped/evs-snapshots.openapi.json" : $"Specs/{spec}.openapi.json";

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_YAML_spec_is_its_JSON_spec_written_as_YAML(string spec)
    {
        string expected = YamlWriter.FromJson(File.ReadAllText(TestPaths.Output(JsonPath(spec)), s_utf8));
        string checkedIn = Path.Combine(TestPaths.ProjectDirectory, "Specs", spec + ".openapi.yaml");
        string? actual = File.Exists(checkedIn) ? File.ReadAllText(checkedIn, s_utf8) : null;
        if (actual != expected && GoldenFiles.Accepting)
        {
            File.WriteAllText(checkedIn, expected, s_utf8);
            return;
        }

        Assert.True(actual == expected, $"{checkedIn} is not the YAML of {JsonPath(spec)}; run the tests with {GoldenFiles.AcceptVariable}=1 to write it again");
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_YAML_spec_generates_the_same_code_as_the_JSON_spec(string spec)
    {
        GeneratorRun fromJson = GeneratorHarness.Run(TestSpec.FromFile(JsonPath(spec)));
        GeneratorRun fromYaml = GeneratorHarness.Run(TestSpec.FromFile($"Specs/{spec}.openapi.yaml"));

        GeneratorHarness.AssertGeneratorDidNotFail(fromYaml);
        Assert.Empty(fromYaml.Single.Diagnostics);
        Assert.NotEmpty(fromYaml.Sources);
        Assert.Equal(fromJson.Sources, fromYaml.Sources);
    }

    [Fact]
    public void The_YAML_specs_use_the_constructs_real_OpenAPI_YAML_uses()
    {
        string text = File.ReadAllText(TestPaths.Output("Specs/kitchen-sink.openapi.yaml"), s_utf8);

        // Unquoted response codes, quoted text, flow lists, compact sequences of mappings, a sequence at its key's
        // indentation, literal and folded blocks.
        Assert.Contains("\n        200:\n", text, StringComparison.Ordinal);
        Assert.Contains(": '", text, StringComparison.Ordinal);
        Assert.Contains(": [", text, StringComparison.Ordinal);
        Assert.Contains("\n      parameters:\n      - name: ", text, StringComparison.Ordinal);
        Assert.Contains(": >-\n", text, StringComparison.Ordinal);
        Assert.Contains(": |-\n", File.ReadAllText(TestPaths.Output("Specs/evs-snapshots.openapi.yaml"), s_utf8), StringComparison.Ordinal);
    }
}
