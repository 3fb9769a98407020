using System.Diagnostics;
using System.Text.Json.Nodes;
using EvsContracts.Package.Tests.Infrastructure;

namespace EvsContracts.Package.Tests;

/// <summary>
/// An editor's view of the package: csharp-ls, installed as a local tool, opens a consumer of the package and
/// pushes the EVS001 and EVS002 diagnostics of the analyzers, over types the generator made.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed class LanguageServerTests(PackageFixture fixture)
{
    private const string CsharpLsVersion = "0.28.0";
    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_diagnosticsTimeout = TimeSpan.FromMinutes(3);

    // Codes that would mean the generated types are missing in the server's compilation.
    private static readonly string[] s_unresolvedTypeCodes = ["CS0246", "CS0234", "CS0103", "CS0117", "CS1061"];

    [Fact]
    public async Task Csharp_ls_pushes_the_package_analyzer_diagnostics_for_an_open_file()
    {
        fixture.EnsurePacked();

        // The tool manifest sits above the project, as in a repository root; dotnet tool run finds it from there.
        string toolDirectory = fixture.NewDirectory("lsp");
        ProcessResult manifest = await ProcessRunner.DotnetAsync(toolDirectory, s_toolTimeout, "new", "tool-manifest");
        Assert.True(manifest.Succeeded, manifest.Describe());
        ProcessResult install = await ProcessRunner.DotnetAsync(toolDirectory, s_toolTimeout, "tool", "install", "csharp-ls", "--version", CsharpLsVersion);
        Assert.True(install.Succeeded, install.Describe());

        ConsumerProject consumer = ConsumerProject.Create(fixture, Path.Combine("lsp", "Consumer"), "Lsp", "net10.0");
        // The server loads the project with MSBuild, which needs the restored assets (the package and its analyzers).
        ProcessResult restore = await consumer.RestoreAsync();
        Assert.True(restore.Succeeded, restore.Describe());

        string file = consumer.PathOf("Program.cs");
        string text = File.ReadAllText(file);
        LspRange expectedEvs001 = RangeOf(text, "\"autobk_snapshot_x\"");
        LspRange expectedEvs002 = RangeOf(text, "\"" + new string('快', 100) + "\"");
        var projectUri = new Uri(consumer.Directory + Path.DirectorySeparatorChar);
        var fileUri = new Uri(file);

        var configurationSections = new List<string>();
        Process process = ProcessRunner.Prepare("dotnet", ["tool", "run", "csharp-ls"], consumer.Directory);
        await using LanguageServerConnection server = LanguageServerConnection.Start(process, (method, parameters) =>
        {
            if (method != "workspace/configuration")
            {
                // client/registerCapability, window/workDoneProgress/create and the like: acknowledged.
                return null;
            }

            // One answer per item asked for; the csharp section turns third-party analyzers on.
            var answers = new JsonArray();
            foreach (JsonNode? item in parameters?["items"]?.AsArray() ?? [])
            {
                string? section = (string?)item?["section"];
                lock (configurationSections)
                {
                    configurationSections.Add(section ?? "(none)");
                }

                answers.Add(section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
            }

            return answers;
        });

        JsonObject? published = null;
        string ending = "(not shut down)";
        try
        {
            using var cts = new CancellationTokenSource(s_diagnosticsTimeout);
            await server.RequestAsync("initialize", InitializeParameters(projectUri), cts.Token);
            await server.NotifyAsync("initialized", new JsonObject());
            await server.NotifyAsync("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = fileUri.AbsoluteUri,
                    ["languageId"] = "csharp",
                    ["version"] = 1,
                    ["text"] = text,
                },
            });

            // The server pushes several times while it loads; wait for the push that carries both analyzer results.
            published = await server.WaitForNotificationAsync(
                n => (string?)n["method"] == "textDocument/publishDiagnostics"
                    && IsFile((string?)n["params"]?["uri"], file)
                    && Codes(n).Contains("EVS001")
                    && Codes(n).Contains("EVS002"),
                cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Reported below with the traffic.
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            Assert.Fail($"The language server conversation broke: {e}\n{server.Log}");
        }
        finally
        {
            ending = await server.ShutdownAsync(TimeSpan.FromSeconds(20));
        }

        string story = $"Configuration sections asked for: {string.Join(", ", configurationSections)}\nEnd: {ending}\n{server.Log}";
        Assert.True(published is not null, $"No publishDiagnostics with EVS001 and EVS002 for {file} within {s_diagnosticsTimeout}.\n{story}");

        JsonArray diagnostics = published["params"]!["diagnostics"]!.AsArray();
        JsonNode evs001 = Assert.Single(diagnostics, d => (string?)d?["code"] == "EVS001")!;
        JsonNode evs002 = Assert.Single(diagnostics, d => (string?)d?["code"] == "EVS002")!;
        Assert.True(expectedEvs001 == LspRange.From(evs001["range"]), $"EVS001 at {LspRange.From(evs001["range"])}, expected {expectedEvs001}.\n{story}");
        Assert.True(expectedEvs002 == LspRange.From(evs002["range"]), $"EVS002 at {LspRange.From(evs002["range"])}, expected {expectedEvs002}.\n{story}");

        // LSP severities: 1 error, 2 warning.
        Assert.Equal(2, (int?)evs001["severity"]);
        Assert.Equal(1, (int?)evs002["severity"]);
        Assert.Contains("autobk_snapshot_", (string?)evs001["message"], StringComparison.Ordinal);
        Assert.Contains("300", (string?)evs002["message"], StringComparison.Ordinal);

        string[] otherErrors = diagnostics
            .Where(d => (int?)d?["severity"] == 1 && (string?)d?["code"] != "EVS002")
            .Select(d => d!.ToJsonString())
            .ToArray();
        Assert.True(otherErrors.Length == 0, $"Errors besides EVS002:\n{string.Join("\n", otherErrors)}\n{story}");
        Assert.True(
            !diagnostics.Any(d => s_unresolvedTypeCodes.Contains((string?)d?["code"])),
            $"The generated types did not resolve in the server.\n{story}");
        Assert.Contains("csharp", configurationSections);
    }

    private static JsonObject InitializeParameters(Uri projectUri) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["clientInfo"] = new JsonObject { ["name"] = "EvsContracts.Package.Tests" },
        ["rootUri"] = projectUri.AbsoluteUri,
        ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = projectUri.AbsoluteUri, ["name"] = "Consumer" }),
        // Deliberately without textDocument.diagnostic: a client without pull diagnostics gets them pushed.
        ["capabilities"] = new JsonObject
        {
            ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
            ["textDocument"] = new JsonObject
            {
                ["synchronization"] = new JsonObject { ["didSave"] = true },
                ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["codeDescriptionSupport"] = true },
            },
            ["window"] = new JsonObject { ["workDoneProgress"] = true },
        },
    };

    private static HashSet<string> Codes(JsonObject publish) =>
        (publish["params"]?["diagnostics"]?.AsArray() ?? [])
            .Select(d => (string?)d?["code"] ?? string.Empty)
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsFile(string? uri, string path) =>
        uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile && parsed.LocalPath == path;

    // LSP positions count UTF-16 code units from 0, which is what string indices are.
    private static LspRange RangeOf(string text, string token)
    {
        int offset = text.IndexOf(token, StringComparison.Ordinal);
        Assert.True(offset >= 0 && text.IndexOf(token, offset + 1, StringComparison.Ordinal) < 0, "The token must occur exactly once: " + token);
        int lineStart = text.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        int line = text.AsSpan(0, offset).Count('\n');
        return new LspRange(line, offset - lineStart, line, offset - lineStart + token.Length);
    }

    private readonly record struct LspRange(int StartLine, int StartCharacter, int EndLine, int EndCharacter)
    {
        public static LspRange From(JsonNode? range) => new(
            (int?)range?["start"]?["line"] ?? -1,
            (int?)range?["start"]?["character"] ?? -1,
            (int?)range?["end"]?["line"] ?? -1,
            (int?)range?["end"]?["character"] ?? -1);
    }
}
