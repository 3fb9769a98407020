using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

public sealed class UuidFormatTests
{
    [Fact]
    public Task A_value_that_is_no_uuid_is_reported() =>
        RunAsync("EVS003",
            InMethod("""_ = new SnapshotOption { VolumeId = {|#0:"vol-1"|} };"""),
            Evs003().WithMessage("VolumeId must be a UUID (8-4-4-4-12 hexadecimal digits), but \"vol-1\" is not"));

    [Fact]
    public Task A_guid_in_another_notation_is_reported_with_its_canonical_form() =>
        RunAsync("EVS003",
            InMethod("""
                _ = new SnapshotOption { VolumeId = {|#0:"{5AA119A8-D25B-45A7-8D1B-88E127885635}"|} };
                _ = new SnapshotOption { VolumeId = {|#1:"5aa119a8d25b45a78d1b88e127885635"|} };
                """),
            Evs003(0).WithMessage("VolumeId must be a UUID (8-4-4-4-12 hexadecimal digits), but \"{5AA119A8-D25B-45A7-8D1B-88E127885635}\" is not; as a UUID it reads \"5aa119a8-d25b-45a7-8d1b-88e127885635\""),
            Evs003(1));

    [Fact]
    public Task Uuids_of_either_case_are_silent_as_at_run_time() =>
        RunAsync("EVS003", InMethod("""
            _ = new SnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635" };
            _ = new SnapshotOption { VolumeId = "5AA119A8-D25B-45A7-8D1B-88E127885635" };
            _ = new SnapshotOption { VolumeId = "00000000-0000-0000-0000-000000000000" };
            """));

    [Fact]
    public Task Client_parameter_and_interface_call_are_checked() =>
        RunAsync("EVS003",
            InMethod("""
                ISnapshotClient c = new SnapshotClient("eu");
                c.Create({|#0:"volume"|}, "name");
                c.Create(volumeId: "5aa119a8-d25b-45a7-8d1b-88e127885635", name: "name");
                """),
            Evs003().WithMessage("volumeId must be a UUID (8-4-4-4-12 hexadecimal digits), but \"volume\" is not"));

    [Fact]
    public Task Non_constant_and_unrelated_values_are_silent() =>
        RunAsync("EVS003", InMethod("""
            _ = new SnapshotOption { VolumeId = input };
            _ = new SnapshotOption { VolumeId = Guid.NewGuid().ToString() };
            _ = new Unrelated { VolumeId = "vol-1" };
            new Unrelated().Create("vol-1", "n");
            """));
}
