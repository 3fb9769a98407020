using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace EvsContracts.Package.Tests.Infrastructure;

/// <summary>
/// The client end of a language server on stdio: JSON-RPC messages framed by <c>Content-Length</c> headers. It
/// answers the server's own requests through a callback, queues notifications for the test to wait on, and keeps a
/// log of the traffic for assertion messages.
/// </summary>
internal sealed class LanguageServerConnection : IAsyncDisposable
{
    private const int LoggedMessageLength = 2_000;

    private readonly Process _process;
    private readonly Stream _toServer;
    private readonly Stream _fromServer;
    private readonly Func<string, JsonNode?, JsonNode?> _answerServerRequest;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Channel<JsonObject> _notifications = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder _traffic = new();
    private readonly StringBuilder _serverLog;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task _reading = Task.CompletedTask;
    private int _nextId;

    private LanguageServerConnection(Process process, Func<string, JsonNode?, JsonNode?> answerServerRequest, StringBuilder serverLog)
    {
        _process = process;
        _serverLog = serverLog;
        _toServer = process.StandardInput.BaseStream;
        _fromServer = process.StandardOutput.BaseStream;
        _answerServerRequest = answerServerRequest;
    }

    /// <summary>The messages both ways, and the server's stderr, as text.</summary>
    public string Log
    {
        get
        {
            string traffic;
            lock (_traffic)
            {
                traffic = _traffic.ToString();
            }

            string serverLog;
            lock (_serverLog)
            {
                serverLog = _serverLog.ToString();
            }

            return $"--- LSP traffic ---\n{traffic}--- server stderr ---\n{serverLog}";
        }
    }

    /// <summary>
    /// Starts the prepared server process and reads from it in the background.
    /// </summary>
    /// <param name="process">A process from <see cref="ProcessRunner.Prepare"/>, not yet started.</param>
    /// <param name="answerServerRequest">Gives the result for a server-to-client request (method, params).</param>
    public static LanguageServerConnection Start(Process process, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        var serverLog = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (serverLog)
                {
                    serverLog.Append(e.Data).Append('\n');
                }
            }
        };
        process.Start();

        // The streams exist only once the process runs.
        var connection = new LanguageServerConnection(process, answerServerRequest, serverLog);
        process.BeginErrorReadLine();
        connection._reading = Task.Run(connection.ReadLoopAsync);
        return connection;
    }

    /// <summary>Sends a request and waits for its result; an error response throws.</summary>
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        int id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends a notification.</summary>
    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Waits for the first notification (from now on, in arrival order) that matches.</summary>
    public async Task<JsonObject> WaitForNotificationAsync(Func<JsonObject, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonObject notification = await _notifications.Reader.ReadAsync(cancellationToken);
            if (match(notification))
            {
                return notification;
            }
        }
    }

    /// <summary>
    /// The orderly end: <c>shutdown</c>, then <c>exit</c>, then a wait; a server that does not go is killed.
    /// </summary>
    /// <returns>How it ended, for the log.</returns>
    public async Task<string> ShutdownAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return "the server had already exited with " + _process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await RequestAsync("shutdown", null, cts.Token);
            await NotifyAsync("exit", null);
            await _process.WaitForExitAsync(cts.Token);
            return "the server exited with " + _process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            ProcessRunner.Stop(_process);
            return "the server did not exit after shutdown/exit (" + e.GetType().Name + "); it was killed";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        ProcessRunner.Stop(_process);
        await _process.WaitForExitAsync();
        try
        {
            await _reading;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe closed under the reader: expected once the server is gone.
        }

        _process.Dispose();
        _writeLock.Dispose();
    }

    private async Task SendAsync(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        Record("->", message);
        await _writeLock.WaitAsync();
        try
        {
            await _toServer.WriteAsync(header);
            await _toServer.WriteAsync(body);
            await _toServer.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                Record("<-", message);
                await DispatchAsync(message);
            }
        }
        finally
        {
            _notifications.Writer.TryComplete();
            foreach (TaskCompletionSource<JsonNode?> waiting in _pending.Values)
            {
                waiting.TrySetException(new IOException("The language server closed its output."));
            }
        }
    }

    private async Task DispatchAsync(JsonObject message)
    {
        bool hasId = message.TryGetPropertyValue("id", out JsonNode? id) && id is not null;
        string? method = (string?)message["method"];
        if (method is not null && hasId)
        {
            // A request from the server: it waits for this answer before going on.
            JsonNode? result = _answerServerRequest(method, message["params"]);
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id!.DeepClone(), ["result"] = result });
        }
        else if (method is not null)
        {
            await _notifications.Writer.WriteAsync(message);
        }
        else if (hasId && id!.GetValueKind() == System.Text.Json.JsonValueKind.Number && _pending.TryRemove((int)id, out TaskCompletionSource<JsonNode?>? waiting))
        {
            if (message["error"] is { } error)
            {
                waiting.TrySetException(new InvalidOperationException("The server answered with an error: " + error.ToJsonString()));
            }
            else
            {
                waiting.TrySetResult(message["result"]);
            }
        }
    }

    private async Task<JsonObject?> ReadMessageAsync()
    {
        int? length = null;
        while (true)
        {
            string? line = await ReadHeaderLineAsync();
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        if (length is null)
        {
            throw new InvalidDataException("A message from the language server had no Content-Length header.");
        }

        byte[] body = new byte[length.Value];
        await _fromServer.ReadExactlyAsync(body);
        return JsonNode.Parse(body) as JsonObject
            ?? throw new InvalidDataException("A message from the language server was not a JSON object: " + Encoding.UTF8.GetString(body));
    }

    private async Task<string?> ReadHeaderLineAsync()
    {
        // Headers are ASCII lines ending in CRLF; read byte by byte so no body byte is consumed here.
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            int read = await _fromServer.ReadAsync(one);
            if (read == 0)
            {
                return line.Length == 0 ? null : throw new EndOfStreamException("The language server stopped in the middle of a header.");
            }

            if (one[0] == (byte)'\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }

    private void Record(string direction, JsonObject message)
    {
        string text = message.ToJsonString();
        if (text.Length > LoggedMessageLength)
        {
            text = string.Concat(text.AsSpan(0, LoggedMessageLength), "...");
        }

        lock (_traffic)
        {
            _traffic.Append(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds,7:F1}s {direction} {text}\n"));
        }
    }
}
