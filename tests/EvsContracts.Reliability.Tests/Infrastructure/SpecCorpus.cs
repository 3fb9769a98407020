namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>The valid specs the fuzzer starts from: the shipped EVS spec and the generator tests' specs.</summary>
internal static class SpecCorpus
{
    public static readonly string[] Names = ["evs-snapshots.openapi.json", "kitchen-sink.openapi.json", "nullable-30.openapi.json"];

    public static readonly byte[][] Bytes = Names.Select(name => File.ReadAllBytes(PathOf(name))).ToArray();

    /// <summary>The shipped and kitchen-sink specs written as YAML (the generator tests keep them equal to their JSON).</summary>
    public static readonly string[] YamlNames = ["evs-snapshots.openapi.yaml", "kitchen-sink.openapi.yaml"];

    public static readonly byte[][] YamlBytes = YamlNames.Select(name => File.ReadAllBytes(PathOf(name))).ToArray();

    /// <summary>Where a spec appears to be, as MSBuild would hand it to the generator.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Specs", name);

    public static byte[] Read(string name) => Bytes[Array.IndexOf(Names, name)];
}
