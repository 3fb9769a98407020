using System;
using System.IO;

namespace EvsContracts.Generator;

/// <summary>The shipped EVS snapshots spec, embedded in this assembly: what a project gets with nothing to configure.</summary>
internal static class BuiltInSpec
{
    public const string ResourceName = "EvsContracts.BuiltInSpec.json";

    private static readonly Lazy<string> s_text = new(Load);

    public static string Text => s_text.Value;

    public static SpecInput Input(string defaultNamespace) => new(string.Empty, Text, null, null, defaultNamespace);

    private static string Load()
    {
        using Stream? stream = typeof(BuiltInSpec).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return string.Empty;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
