using System.Globalization;
using EvsContracts;
using EvsContracts.Snapshots;

// A user's program: builds a request from the generated types, validates it, and sends it with the generated
// client to the server named on the command line. Every line it prints is "key=value" for the test to read.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Consumer <base address>");
    return 2;
}

const string VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635";

var request = new CreateSnapshotRequestBody
{
    Snapshot = new CreateSnapshotOption
    {
        VolumeId = VolumeId,
        Name = "nightly-快照",
        Description = "Nightly backup of the data disk",
        Force = true,
        Metadata = new Dictionary<string, string> { ["owner"] = "ops" },
    },
};
Print("request.json", request.ToJson());
Print("request.violations", request.Validate().Count);

// Values only known at run time: the analyzers cannot see them, Validate() and the client can.
string runtimeName = "autobk_snapshot_" + args.Length.ToString(CultureInfo.InvariantCulture);
var invalid = new CreateSnapshotRequestBody
{
    Snapshot = new CreateSnapshotOption { VolumeId = VolumeId, Name = runtimeName, Description = new string('描', 86) },
};
foreach (ContractViolation violation in invalid.Validate())
{
    Print("invalid.violation", violation.Path + " " + violation.Rule);
}

using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
IEvsClient client = new EvsClient(http, new EvsClientOptions { AuthToken = "consumer-token" });

try
{
    await client.CreateSnapshotAsync("project-1", invalid);
    Print("invalid.sent", "yes");
}
catch (EvsValidationException e)
{
    Print("invalid.refused", e.Violations.Count);
}

CreateSnapshotResponseBody created = await client.CreateSnapshotAsync("project-1", request);
SnapshotDetails snapshot = created.Snapshot;
Print("created.id", snapshot.Id);
Print("created.status", snapshot.Status.Value);
Print("created.status_is_creating", snapshot.Status == SnapshotStatus.Creating);
Print("created.name", snapshot.Name);
Print("created.description", snapshot.Description);
Print("created.volume_id", snapshot.VolumeId);
Print("created.size", snapshot.Size);
Print("created.created_at", snapshot.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
Print("created.updated_at", snapshot.UpdatedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "(null)");
Print("created.metadata", string.Join(",", (snapshot.Metadata ?? new Dictionary<string, string>()).Select(p => p.Key + ":" + p.Value)));

try
{
    var missing = new CreateSnapshotRequestBody
    {
        Snapshot = new CreateSnapshotOption { VolumeId = "00000000-0000-0000-0000-000000000000", Name = "orphan" },
    };
    await client.CreateSnapshotAsync("project-1", missing);
    Print("missing.thrown", "no");
}
catch (EvsApiException e)
{
    Print("missing.status", (int)e.StatusCode);
    Print("missing.error_key", e.ErrorKey);
    Print("missing.error_code", e.ErrorCode);
    Print("missing.error_message", e.ErrorMessage);
    Print("missing.request_id", e.RequestId);
}

return 0;

static void Print(string key, object? value) =>
    Console.WriteLine(key + "=" + Convert.ToString(value, CultureInfo.InvariantCulture));
