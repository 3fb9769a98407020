using EvsContracts;
using EvsContracts.Snapshots;

// The built-in spec (the EVS snapshot family) generated these types at compile time: nothing to configure.
const string SampleVolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635";

var request = new CreateSnapshotRequestBody
{
    Snapshot = new CreateSnapshotOption
    {
        Name = "snap-001",
        Description = "Daily backup",
        VolumeId = SampleVolumeId,
        Force = false,
        Metadata = new Dictionary<string, string>(),
    },
};

Console.WriteLine("A valid request, as it goes on the wire:");
Console.WriteLine(request.ToJson());
Console.WriteLine($"Validate(): {request.Validate().Count} violations");
Console.WriteLine();

// Values computed at run time are caught by Validate(); the client runs it before sending anything.
ShowViolations("A 256-byte description", new CreateSnapshotOption { VolumeId = SampleVolumeId, Description = new string('a', 256) });
ShowViolations("An 86-character Chinese name (258 UTF-8 bytes)", new CreateSnapshotOption { VolumeId = SampleVolumeId, Name = new string('快', 86) });

// Deliberate misuse, kept as a demonstration: the build reports warning EVS001 on the next line.
var reserved = new CreateSnapshotOption { VolumeId = SampleVolumeId, Name = "autobk_snapshot_demo" };
ShowViolations("The reserved prefix autobk_snapshot_", reserved);

// Paging and AK/SK signing, offline, against a stand-in for EVS on loopback.
await OfflineDemo.RunAsync();

return await LiveDemo.RunAsync();

static void ShowViolations(string title, CreateSnapshotOption snapshot)
{
    Console.WriteLine(title + ":");
    foreach (ContractViolation violation in new CreateSnapshotRequestBody { Snapshot = snapshot }.Validate())
    {
        Console.WriteLine($"  {violation.Path} [{violation.Rule}] {violation.Message}");
    }

    Console.WriteLine();
}
