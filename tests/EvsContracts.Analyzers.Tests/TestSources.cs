namespace EvsContracts.Analyzers.Tests;

/// <summary>C# sources the tests compile: the constraint attributes written by hand, and types that carry them.</summary>
internal static class TestSources
{
    /// <summary>The attributes as a user could declare them in their own code; the analyzers match them by name.</summary>
    public const string Attributes = """
        namespace EvsContracts
        {
            using System;

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class MaxUtf8BytesAttribute : Attribute { public MaxUtf8BytesAttribute(int maxBytes) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class ReservedPrefixesAttribute : Attribute { public ReservedPrefixesAttribute(params string[] prefixes) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class MinCodePointsAttribute : Attribute { public MinCodePointsAttribute(int length) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class MaxCodePointsAttribute : Attribute { public MaxCodePointsAttribute(int length) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class UuidFormatAttribute : Attribute { }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class PatternAttribute : Attribute { public PatternAttribute(string pattern) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class EnumValuesAttribute : Attribute { public EnumValuesAttribute(params string[] values) { } public EnumValuesAttribute(params long[] values) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class MinimumAttribute : Attribute { public MinimumAttribute(double value) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class MaximumAttribute : Attribute { public MaximumAttribute(double value) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class ExclusiveMinimumAttribute : Attribute { public ExclusiveMinimumAttribute(double value) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class ExclusiveMaximumAttribute : Attribute { public ExclusiveMaximumAttribute(double value) { } }

            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
            public sealed class MultipleOfAttribute : Attribute { public MultipleOfAttribute(double value) { } }
        }
        """;

    /// <summary>
    /// Hand-written types shaped like the generated ones (a request model, a record, a client), and an unrelated type
    /// with the same member names but no attributes.
    /// </summary>
    public const string Model = """
        namespace Demo
        {
            using System.Collections.Generic;
            using EvsContracts;

            public sealed class SnapshotOption
            {
                [UuidFormat] public string? VolumeId { get; set; }
                [MaxUtf8Bytes(255), ReservedPrefixes("autobk_snapshot_")] public string? Name { get; set; }
                [MaxUtf8Bytes(255)] public string? Description { get; set; }
                [MaxUtf8Bytes(255)] public IDictionary<string, string>? Metadata { get; set; }
                [MaxCodePoints(255)] public string? Title { get; set; }
                [MinCodePoints(1)] public string? Label { get; set; }
                [EnumValues("creating", "available", "error")] public string? Status { get; set; }
                [Pattern("^[a-z]+$")] public string? Code { get; set; }
                [Minimum(1), Maximum(1024)] public int? Size { get; set; }
                [Maximum(1.5)] public double Ratio { get; set; }
            }

            public sealed record SnapshotRecord
            {
                [ReservedPrefixes("autobk_snapshot_")] public string? Name { get; init; }
                [MaxUtf8Bytes(255)] public string? Description { get; init; }
            }

            public interface ISnapshotClient
            {
                void Create([UuidFormat] string volumeId, [ReservedPrefixes("autobk_snapshot_"), MaxUtf8Bytes(255)] string name);
            }

            public class SnapshotClient : ISnapshotClient
            {
                public SnapshotClient([MaxUtf8Bytes(10)] string region) { }

                // No attributes here: the implemented interface member carries them.
                public void Create(string volumeId, string name) { }

                public void Tag([MaxUtf8Bytes(3)] IDictionary<string, string> tags) { }
            }

            public sealed class Unrelated
            {
                public string? Name { get; set; }
                public string? Description { get; set; }
                public string? VolumeId { get; set; }
                public IDictionary<string, string>? Metadata { get; set; }
                public string? Status { get; set; }
                public int? Size { get; set; }
                public void Create(string volumeId, string name) { }
            }
        }
        """;
}
