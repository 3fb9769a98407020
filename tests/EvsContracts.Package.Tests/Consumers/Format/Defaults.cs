using EvsContracts.Snapshots;

internal static class Defaults
{
    // 83 CJK characters (249 UTF-8 bytes), two emoji (4 bytes each) and two more CJK characters: 263 bytes. Cut
    // within 255 bytes, the first emoji still fits and the second must not be split in half.
    public static CreateSnapshotOption Weekly() => new()
    {
        VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635",
        Description = "快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快快😀😀尾巴",
    };
}
