using System;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// What an error body says, read leniently: the keyed envelope <c>{"itemNotFound": {"code": 404, "message": "..."}}</c>
/// (EVS and Cinder), the same under <c>"error"</c>, a flat <c>{"message": ..., "code": ...}</c>, and Huawei Cloud's
/// <c>{"error_code": ..., "error_msg": ...}</c>. A body that is not JSON, or is cut short, yields what was read
/// before the problem, often nothing.
/// </summary>
internal sealed class ErrorEnvelope
{
    public string? Key { get; private set; }

    public string? Code { get; private set; }

    public string? Message { get; private set; }

    public string? RetryAfter { get; private set; }

    public string? RequestId { get; private set; }

    /// <param name="body">The body, or its first bytes.</param>
    /// <param name="complete">Whether <paramref name="body"/> is the whole body.</param>
    public static ErrorEnvelope Parse(ReadOnlySpan<byte> body, bool complete)
    {
        var envelope = new ErrorEnvelope();
        try
        {
            // With isFinalBlock false a cut-off body simply ends the reading instead of throwing.
            var reader = new Utf8JsonReader(body, complete, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return envelope;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.StartObject && envelope.Key is null)
                {
                    envelope.Key = name;
                    envelope.ReadDetail(ref reader);
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (!reader.TrySkip())
                    {
                        break;
                    }
                }
                else
                {
                    envelope.ReadField(name, ref reader, keyed: false);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON, or broken part-way: keep what was read.
        }

        return envelope;
    }

    private void ReadDetail(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            if (!reader.Read())
            {
                return;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (!reader.TrySkip())
                {
                    return;
                }
            }
            else
            {
                ReadField(name, ref reader, keyed: true);
            }
        }
    }

    private void ReadField(string name, ref Utf8JsonReader reader, bool keyed)
    {
        string? text = Text(ref reader);
        if (text is null)
        {
            return;
        }

        // Fields inside the keyed detail win over flat ones.
        switch (name)
        {
            case "code" or "error_code":
                if (keyed || Code is null)
                {
                    Code = text;
                }

                break;
            case "message" or "error_msg" or "error_message":
                if (keyed || Message is null)
                {
                    Message = text;
                }

                break;
            case "retryAfter" or "retry_after":
                if (keyed || RetryAfter is null)
                {
                    RetryAfter = text;
                }

                break;
            case "request_id" or "requestId":
                RequestId ??= text;
                break;
            case "error" when Message is null:
                // {"error": "text"}
                Message = text;
                break;
        }
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => EvsJson.ReadStringOrNumber(ref reader, string.Empty),
        _ => null,
    };
}
