using EvsContracts.Snapshots;
using Microsoft.Extensions.DependencyInjection;

// An application that registers the client with IHttpClientFactory: AddEvsClient exists only because the project
// references Microsoft.Extensions.Http (here through the ASP.NET Core shared framework).
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Consumer <base address>");
    return 2;
}

var services = new ServiceCollection();
services.AddEvsClient(
    http => http.BaseAddress = new Uri(args[0]),
    options => options.AuthToken = "di-token");
using ServiceProvider provider = services.BuildServiceProvider();

IEvsClient client = provider.GetRequiredService<IEvsClient>();
CreateSnapshotResponseBody created = await client.CreateSnapshotAsync(
    "project-1",
    new CreateSnapshotRequestBody { Snapshot = new CreateSnapshotOption { VolumeId = "5aa119a8-d25b-45a7-8d1b-88e127885635", Name = "from-di" } });
Console.WriteLine("created.id=" + created.Snapshot.Id);
return 0;
