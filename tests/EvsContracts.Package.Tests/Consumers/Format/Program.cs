using EvsContracts.Snapshots;

// Misuses for dotnet format to fix: a reserved prefix (EVS001) and a GUID in another form (EVS003). Defaults.cs
// holds the third, an over-long description (EVS002).
var option = new CreateSnapshotOption
{
    VolumeId = "{5AA119A8D25B45A78D1B88E127885635}",
    Name = "autobk_snapshot_nightly",
};
Console.WriteLine(new CreateSnapshotRequestBody { Snapshot = option }.ToJson());
Console.WriteLine(new CreateSnapshotRequestBody { Snapshot = Defaults.Weekly() }.ToJson());
