using System.Security.Cryptography;
using System.Text;
using EvsContracts.Client.Tests.Infrastructure;
using MediaTypes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EvsContracts.Client.Tests;

/// <summary>
/// <c>multipart/form-data</c> bodies through the spec <c>media-types.openapi.json</c>, read back by ASP.NET Core's own
/// form reader (<c>ReadFormAsync</c>) and its <see cref="MultipartReader"/> on a real Kestrel.
/// </summary>
public class MultipartTests
{
    [Fact]
    public async Task Fields_and_files_arrive_as_sent_and_ASP_NET_Core_reads_each_back()
    {
        byte[] photo = RandomBytes(3_500_000, seed: 11);
        byte[] first = RandomBytes(20_000, seed: 12);
        byte[] second = RandomBytes(30_000, seed: 13);
        string path = Path.Combine(Path.GetTempPath(), "evs-extra-" + Guid.NewGuid().ToString("N") + ".jpg");
        await File.WriteAllBytesAsync(path, second);
        IFormCollection? form = null;
        var parts = new List<(string Disposition, string? ContentType, byte[] Body)>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, recorded) =>
        {
            // ASP.NET Core's form reader over the bytes Kestrel received; then each part with its own headers.
            context.Request.Body = new MemoryStream(recorded.Body);
            form = await context.Request.ReadFormAsync(context.RequestAborted);
            string boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
            var reader = new MultipartReader(boundary, new MemoryStream(recorded.Body));
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                using var body = new MemoryStream();
                await section.Body.CopyToAsync(body, context.RequestAborted);
                parts.Add((section.ContentDisposition!, section.ContentType, body.ToArray()));
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("stored", context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();

        string answer;
        try
        {
            answer = await new MediaClient(http).UploadPhotosAsync(
                "春天",
                new EvsFile(new ForwardOnlyStream(photo), "花見 2024.png"),
                "春の写真 🌸 & \"quotes\"",
                extras: [EvsFile.FromBytes(first, "one.gif", "image/gif"), EvsFile.FromPath(path)],
                labels: ["a", "b c", "a"],
                rating: 5,
                @public: true,
                taken: new DateTimeOffset(2024, 4, 1, 9, 30, 0, TimeSpan.FromHours(9)),
                kind: PhotoUploadKind.Landscape,
                report: new Report { Title = "報告", Pages = 2 },
                notes: [new Report { Title = "n1" }, new Report { Title = "n2", Pages = 1 }],
                checksum: [1, 2, 250]);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal("stored", answer);
        RecordedRequest request = server.SingleRequest;
        Assert.StartsWith("multipart/form-data; boundary=", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("/photos/%E6%98%A5%E5%A4%A9", request.RawTarget);
        Assert.True(request.Chunked, "a photo from a stream that cannot seek goes out as it is read, not buffered");

        Assert.NotNull(form);
        Assert.Equal("春の写真 🌸 & \"quotes\"", form["caption"]);
        Assert.Equal(["a", "b c", "a"], form["labels[]"].Select(v => v!));
        Assert.Equal("5", form["rating"]);
        Assert.Equal("true", form["public"]);
        Assert.Equal("2024-04-01T09:30:00.0000000+09:00", form["taken"]);
        Assert.Equal("landscape", form["kind"]);
        Assert.Equal("""{"title":"報告","pages":2}""", form["report"]);
        Assert.Equal(["""{"title":"n1"}""", """{"title":"n2","pages":1}"""], form["notes"].Select(v => v!));
        Assert.Equal(Convert.ToBase64String([1, 2, 250]), form["checksum"]);
        Assert.False(form.ContainsKey("id"), "a read-only member is not a field");

        IFormFile photoFile = Assert.Single(form.Files.GetFiles("photo"));
        Assert.Equal("花見 2024.png", photoFile.FileName);
        Assert.Equal("image/png", photoFile.ContentType);
        Assert.Equal(SHA256.HashData(photo), SHA256.HashData(await ReadAsync(photoFile)));

        IReadOnlyList<IFormFile> extras = form.Files.GetFiles("extras");
        Assert.Equal(2, extras.Count);
        Assert.Equal(("one.gif", "image/gif"), (extras[0].FileName, extras[0].ContentType));
        Assert.Equal(first, await ReadAsync(extras[0]));
        Assert.Equal((Path.GetFileName(path), "application/octet-stream"), (extras[1].FileName, extras[1].ContentType));
        Assert.Equal(second, await ReadAsync(extras[1]));

        // In the spec's order, each under its exact name; text goes without a Content-Type, as browsers send it.
        Assert.Equal(
            ["photo", "extras", "extras", "caption", "labels[]", "labels[]", "labels[]", "rating", "public", "taken", "kind", "report", "notes", "notes", "checksum"],
            parts.Select(p => HeaderUtilities.RemoveQuotes(ContentDispositionHeaderValue.Parse(p.Disposition).Name).Value!));
        Assert.Null(parts[3].ContentType);
        Assert.Equal("application/vnd.photos.report+json", parts[11].ContentType);
        Assert.Equal("application/json", parts[12].ContentType);
        Assert.Equal(Encoding.UTF8.GetBytes("春の写真 🌸 & \"quotes\""), parts[3].Body);
    }

    [Fact]
    public async Task Unset_optional_fields_are_not_sent_and_a_seekable_file_goes_with_its_length()
    {
        IFormCollection? form = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, recorded) =>
        {
            context.Request.Body = new MemoryStream(recorded.Body);
            form = await context.Request.ReadFormAsync(context.RequestAborted);
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("not really a png"));

        await new MediaClient(http).UploadPhotosAsync("a", new EvsFile(stream, contentType: "text/plain"), "c");

        Assert.NotNull(form);
        Assert.Equal(["caption"], form.Keys);
        IFormFile file = Assert.Single(form.Files);
        Assert.Equal(("photo", "photo", "text/plain"), (file.Name, file.FileName, file.ContentType));
        Assert.False(server.SingleRequest.Chunked);
        Assert.Equal(server.SingleRequest.Body.Length, server.SingleRequest.ContentLength);
        Assert.True(stream.CanRead, "the caller's stream is left open");
    }

    [Fact]
    public async Task Fields_that_break_their_rules_are_refused_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => context.Response.WriteAsync("ok"));
        using HttpClient http = server.CreateClient();
        EvsFile file = EvsFile.FromBytes(new byte[] { 1 });

        EvsValidationException error = await Assert.ThrowsAsync<EvsValidationException>(() => new MediaClient(http).UploadPhotosAsync(
            "a", file, new string('x', Long()), extras: Enumerable.Repeat(file, 4).ToList(), rating: Long(), notes: [new Report { Title = new string('t', 101) }]));

        Assert.Equal(["caption", "extras", "notes.0.title", "rating"], error.Violations.Select(v => v.Path).Order(StringComparer.Ordinal));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public void A_file_refuses_a_content_type_that_is_not_a_media_type()
    {
        Assert.Throws<ArgumentException>(() => EvsFile.FromBytes(new byte[] { 1 }, "a.bin", "not a type"));
        Assert.Throws<ArgumentNullException>(() => new EvsFile(null!));
    }

    [Fact]
    public async Task An_archive_described_as_an_object_is_bytes_and_a_jwt_answer_is_text()
    {
        byte[] zip = RandomBytes(5000, seed: 14);
        byte[] upload = RandomBytes(4000, seed: 15);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.ContentType = "application/zip";
                await context.Response.Body.WriteAsync(zip, context.RequestAborted);
                return;
            }

            context.Response.ContentType = "application/jwt";
            await context.Response.WriteAsync("eyJhbGciOiJub25lIn0.e30.", context.RequestAborted);
        });
        using HttpClient http = server.CreateClient();
        var client = new MediaClient(http);

        await using Stream export = await client.DownloadExportAsync("e-1");
        using var copy = new MemoryStream();
        await export.CopyToAsync(copy);
        string token = await client.ImportExportAsync("e-1", new MemoryStream(upload));

        Assert.Equal(zip, copy.ToArray());
        Assert.Equal("application/zip", server.Requests[0].Header("Accept"));
        Assert.Equal("eyJhbGciOiJub25lIn0.e30.", token);
        Assert.Equal(upload, server.Requests[1].Body);
        Assert.Equal("application/octet-stream", server.Requests[1].Header("Content-Type"));
        Assert.Equal("application/jwt", server.Requests[1].Header("Accept"));
    }

    [Fact]
    public async Task A_form_described_as_a_string_is_sent_as_it_is()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => context.Response.WriteAsync("ja"));
        using HttpClient http = server.CreateClient();

        string language = await new MediaClient(http).DetectLanguageAsync("q=%E6%98%A5&x=1");

        Assert.Equal("ja", language);
        Assert.Equal("q=%E6%98%A5&x=1", Encoding.ASCII.GetString(server.SingleRequest.Body));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", server.SingleRequest.Header("Content-Type"));
    }

    private static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        return copy.ToArray();
    }

    // Not a constant: the analyzers would flag one at compile time, before the client refuses it.
    private static int Long() => Environment.ProcessorCount > 0 ? 41 : 0;

    private static byte[] RandomBytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A stream that can only be read forward, so its length is unknown.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
