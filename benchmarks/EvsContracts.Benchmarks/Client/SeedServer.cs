using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using EvsContracts.Benchmarks.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Benchmarks.Client;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers <c>POST /v2/{project_id}/snapshots</c> with the seed's 202. It runs in
/// a process of its own: BenchmarkDotNet counts the allocations of the whole process, and the server's must not be
/// counted as the client's.
/// </summary>
public static class SeedServer
{
    public const string Command = "--serve-seed";

    private const string Ready = "listening ";

    /// <summary>Serves until standard input closes (the benchmark process ended or let go of it).</summary>
    public static async Task<int> RunAsync()
    {
        Sample sample = Sample.For(Payload.Seed);
        byte[] answer = Encoding.UTF8.GetBytes(sample.ResponseJson());

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(async context =>
        {
            HttpRequest request = context.Request;
            HttpResponse response = context.Response;
            if (!HttpMethods.IsPost(request.Method) || !IsSnapshotsPath(request.Path))
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            // A real Cinder answers a chunked body with 500; a body must come with its length.
            if (request.ContentLength is not long length || length > 64 * 1024)
            {
                response.StatusCode = StatusCodes.Status411LengthRequired;
                return;
            }

            byte[] body = new byte[length];
            await request.Body.ReadExactlyAsync(body);
            try
            {
                PeerModels.CheckRequest("The client", sample, body);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Text.Json.JsonException)
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            response.StatusCode = StatusCodes.Status202Accepted;
            response.ContentType = "application/json";
            response.ContentLength = answer.Length;
            response.Headers["x-openstack-request-id"] = "req-5b1e8d72-0d3c-4f2a-9a0e-7c1d2e3f4a5b";
            await response.Body.WriteAsync(answer);
        });

        await app.StartAsync();
        Console.Out.WriteLine(Ready + string.Join(" ", app.Urls));
        await Console.Out.FlushAsync();

        // The parent closes standard input (or dies) and the server goes with it.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    /// <summary>Starts the server in a child process and returns it once it listens.</summary>
    public static Process Start(out Uri baseAddress)
    {
        string assembly = typeof(SeedServer).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(RuntimeConfig(assembly));
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(Command);

        Process process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        string? line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith(Ready, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The server did not say where it listens: {line}");
        }

        baseAddress = new Uri(line.Substring(Ready.Length).Split(' ')[0].TrimEnd('/') + "/");
        return process;
    }

    public static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(5000))
        {
            process.Kill();
        }

        process.Dispose();
    }

    private static bool IsSnapshotsPath(PathString path)
    {
        string value = path.Value ?? string.Empty;
        return value.StartsWith("/v2/", StringComparison.Ordinal)
            && value.EndsWith("/snapshots", StringComparison.Ordinal)
            && value.Length > "/v2//snapshots".Length
            && value.IndexOf('/', 4) == value.Length - "/snapshots".Length;
    }

    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    // BenchmarkDotNet runs this assembly from a project of its own, whose runtime config may not name ASP.NET Core.
    private static string RuntimeConfig(string assembly)
    {
        string own = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (File.Exists(own) && File.ReadAllText(own).Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal))
        {
            return own;
        }

        Version version = Environment.Version;
        string path = Path.Combine(Path.GetTempPath(), $"evs-seed-server-{version.Major}.{version.Minor}.runtimeconfig.json");
        File.WriteAllText(path, $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{version.Major}}.{{version.Minor}}",
                "framework": { "name": "Microsoft.AspNetCore.App", "version": "{{version.Major}}.{{version.Minor}}.0" }
              }
            }
            """);
        return path;
    }
}
