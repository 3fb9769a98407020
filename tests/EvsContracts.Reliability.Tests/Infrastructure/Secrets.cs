using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Logging;

namespace EvsContracts.Reliability.Tests.Infrastructure;

/// <summary>The auth token the tests use, and every place it must never turn up.</summary>
internal static class Secrets
{
    /// <summary>A token no message could contain by accident.</summary>
    public const string Token = "EvsTok-7f3a9c1e-MARKER-5b2d8e40";

    public static EvsClientOptions Options() => new() { AuthToken = Token };

    /// <summary>Everything an exception shows: messages, <c>ToString()</c>, string properties and <c>Data</c>, inner exceptions included.</summary>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.ToString());
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            text.Append('\n').Append(e.Message);
            foreach (PropertyInfo property in e.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.Name is not ("TargetSite" or "StackTrace"))
                {
                    text.Append('\n').Append(property.Name).Append(": ").Append(property.GetValue(e));
                }
            }

            foreach (DictionaryEntry entry in e.Data)
            {
                text.Append('\n').Append(entry.Key).Append(": ").Append(entry.Value);
            }
        }

        return text.ToString();
    }

    public static void AssertNotIn(string text, string where) =>
        Assert.False(text.Contains(Token, StringComparison.Ordinal), $"The token leaked into {where}:\n{text}");

    public static void AssertNotIn(Exception exception) => AssertNotIn(Describe(exception), exception.GetType().Name);
}

/// <summary>Collects every log line, at every level, with its exception and scopes.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public string All => string.Join("\n", Lines);

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Lines.Enqueue($"{category} scope: {state}");
            return NullScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (KeyValuePair<string, object?> value in values)
                {
                    line.Append(" | ").Append(value.Key).Append('=').Append(value.Value);
                }
            }

            if (exception is not null)
            {
                line.Append('\n').Append(Secrets.Describe(exception));
            }

            owner.Lines.Enqueue(line.ToString());
        }
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>Listens to the networking event sources at the most verbose level and keeps every payload as text.</summary>
internal sealed class NetworkEventCapture : EventListener
{
    private static readonly string[] s_sources =
    [
        "System.Net.Http", "System.Net.Sockets", "System.Net.NameResolution", "System.Net.Security",
        "Microsoft-Extensions-Logging",
    ];

    public ConcurrentQueue<string> Events { get; } = new();

    public string All => string.Join("\n", Events);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (Array.IndexOf(s_sources, eventSource.Name) >= 0)
        {
            EnableEvents(eventSource, EventLevel.LogAlways, EventKeywords.All);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var line = new StringBuilder($"{eventData.EventSource.Name}/{eventData.EventName}:");
        if (eventData.Payload is { } payload)
        {
            foreach (object? value in payload)
            {
                line.Append(' ').Append(value is IEnumerable enumerable and not string ? string.Join(",", enumerable.Cast<object?>()) : value);
            }
        }

        Events.Enqueue(line.ToString());
    }
}

/// <summary>A handler in the client's pipeline, as an application adds for logging: it logs every request, answer and failure.</summary>
internal sealed class LoggingHandler(ILogger logger) : DelegatingHandler
{
    private static readonly Action<ILogger, HttpMethod, Uri?, Exception?> s_sending =
        LoggerMessage.Define<HttpMethod, Uri?>(LogLevel.Information, new EventId(1, "Sending"), "Sending {Method} {Uri}");

    private static readonly Action<ILogger, int, string?, Uri?, Exception?> s_answered =
        LoggerMessage.Define<int, string?, Uri?>(LogLevel.Information, new EventId(2, "Answered"), "Answered {Status} {Reason} for {Uri}");

    private static readonly Action<ILogger, HttpMethod, Uri?, Exception?> s_failed =
        LoggerMessage.Define<HttpMethod, Uri?>(LogLevel.Error, new EventId(3, "Failed"), "Failed {Method} {Uri}");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        s_sending(logger, request.Method, request.RequestUri, null);
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            s_answered(logger, (int)response.StatusCode, response.ReasonPhrase, request.RequestUri, null);
            return response;
        }
        catch (Exception e)
        {
            s_failed(logger, request.Method, request.RequestUri, e);
            throw;
        }
    }
}

/// <summary>Counts the response body bytes the client actually read off the connection.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        HttpContent original = response.Content;
        Stream stream = await original.ReadAsStreamAsync(cancellationToken);
        var counted = new StreamContent(new CountingStream(stream, this));
        foreach (KeyValuePair<string, IEnumerable<string>> header in original.Headers)
        {
            counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = counted;
        return response;
    }

    private sealed class CountingStream(Stream inner, CountingHandler owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            Interlocked.Add(ref owner._read, read);
            return read;
        }
    }
}
