using EvsContracts.Snapshots;

// Opened in the language server: two misuses it must flag from the package's analyzers, and generated types it
// must resolve (no CS0246).
var option = new CreateSnapshotOption
{
    VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635",
    Name = "autobk_snapshot_x",
    // 100 CJK characters: 300 UTF-8 bytes, over the 255-byte limit, though only 100 characters.
    Description = "快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快",
};
Console.WriteLine(new CreateSnapshotRequestBody { Snapshot = option }.ToJson());
