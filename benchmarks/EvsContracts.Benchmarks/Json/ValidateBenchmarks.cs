using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using EvsContracts.Snapshots;

namespace EvsContracts.Benchmarks.Json;

/// <summary>The generated <c>Validate()</c> on a valid request (the common case: it must not allocate) and an invalid one.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Validate")]
public class ValidateBenchmarks
{
    private CreateSnapshotRequestBody _valid = null!;
    private CreateSnapshotRequestBody _invalid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _valid = PeerModels.Generated(Sample.For(Payload.Cjk));

        // Three rules broken at once: a reserved prefix, 86 CJK characters (258 bytes) and a volume id that is no UUID.
        _invalid = new CreateSnapshotRequestBody
        {
            Snapshot = new CreateSnapshotOption
            {
                // Values known only at run time: as constants the analyzers would stop the build (EVS001, EVS003).
                VolumeId = AtRunTime("not-a-uuid"),
                Name = AtRunTime("autobk_snapshot_nightly"),
                Description = new string('快', Sample.CjkCharacters + 1),
                Metadata = new Dictionary<string, string> { ["tag"] = "value" },
            },
        };

        if (Valid().Count != 0 || Invalid().Count != 3)
        {
            throw new InvalidOperationException("Validate() does not see what the samples are.");
        }
    }

    private static string AtRunTime(string value) => new(value.AsSpan());

    [Benchmark(Description = "Validate, valid (CJK payload)")]
    public IReadOnlyList<ContractViolation> Valid() => _valid.Validate();

    [Benchmark(Description = "Validate, 3 violations")]
    public IReadOnlyList<ContractViolation> Invalid() => _invalid.Validate();
}
