using System;
using System.Globalization;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// Reads and writes the <c>date-time</c> values of the EVS and Cinder APIs.
/// </summary>
/// <remarks>
/// Accepted form: <c>YYYY-MM-DDTHH:MM:SS</c>, then an optional fraction of 1 to 7 digits, then an optional zone:
/// <c>Z</c> or <c>±HH:MM</c>. A value without a zone is UTC, whatever the machine's time zone: that is what EVS and
/// Cinder send (<c>2013-02-25T03:56:53.081642</c>). A zone, when present, is kept as the offset. As RFC 3339 allows,
/// <c>t</c> and <c>z</c> may be lower case. Nothing else is accepted: no spaces, no culture, no time-zone names.
/// </remarks>
public static class EvsDateTime
{
    // "YYYY-MM-DDTHH:MM:SS.fffffff+HH:MM" is 33 characters; anything longer is not a date-time of this form.
    private const int MaxLength = 33;

    /// <summary>Parses a date-time from its UTF-8 text, without allocating.</summary>
    /// <param name="utf8">The text, without quotes.</param>
    /// <param name="value">The value; an offset of zero when the text has no zone.</param>
    /// <returns><see langword="true"/> when the text has the accepted form and names a representable instant.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.Length < 19 || utf8.Length > MaxLength)
        {
            return false;
        }

        if (!TwoDigits(utf8, 0, out int century) || !TwoDigits(utf8, 2, out int yearOfCentury) || utf8[4] != '-'
            || !TwoDigits(utf8, 5, out int month) || utf8[7] != '-'
            || !TwoDigits(utf8, 8, out int day) || (utf8[10] != 'T' && utf8[10] != 't')
            || !TwoDigits(utf8, 11, out int hour) || utf8[13] != ':'
            || !TwoDigits(utf8, 14, out int minute) || utf8[16] != ':'
            || !TwoDigits(utf8, 17, out int second))
        {
            return false;
        }

        int year = (century * 100) + yearOfCentury;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int i = 19;
        long fractionTicks = 0;
        if (i < utf8.Length && utf8[i] == '.')
        {
            i++;
            int start = i;
            while (i < utf8.Length && IsDigit(utf8[i]))
            {
                if (i - start == 7)
                {
                    // More precision than a tick; refusing is better than silently rounding.
                    return false;
                }

                fractionTicks = (fractionTicks * 10) + (utf8[i] - '0');
                i++;
            }

            int digits = i - start;
            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fractionTicks *= 10;
            }
        }

        long offsetMinutes = 0;
        if (i < utf8.Length)
        {
            byte zone = utf8[i];
            if (zone is (byte)'Z' or (byte)'z')
            {
                i++;
            }
            else if (zone is (byte)'+' or (byte)'-')
            {
                if (utf8.Length - i != 6 || !TwoDigits(utf8, i + 1, out int offsetHours) || utf8[i + 3] != ':'
                    || !TwoDigits(utf8, i + 4, out int offsetMinutesPart) || offsetMinutesPart > 59)
                {
                    return false;
                }

                offsetMinutes = (offsetHours * 60) + offsetMinutesPart;
                if (offsetMinutes > 14 * 60)
                {
                    // DateTimeOffset's own limit.
                    return false;
                }

                if (zone == '-')
                {
                    offsetMinutes = -offsetMinutes;
                }

                i += 6;
            }
            else
            {
                return false;
            }
        }

        if (i != utf8.Length)
        {
            return false;
        }

        long clockTicks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        long offsetTicks = offsetMinutes * TimeSpan.TicksPerMinute;
        long utcTicks = clockTicks - offsetTicks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(clockTicks, new TimeSpan(offsetTicks));
        return true;
    }

    /// <summary>Parses a date-time from its text, without allocating.</summary>
    /// <param name="s">The text.</param>
    /// <param name="value">The value; an offset of zero when the text has no zone.</param>
    /// <returns><see langword="true"/> when the text has the accepted form and names a representable instant.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length > MaxLength)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[MaxLength];
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c > 0x7F)
            {
                return false;
            }

            utf8[i] = (byte)c;
        }

        return TryParse(utf8.Slice(0, s.Length), out value);
    }

    /// <summary>
    /// Reads a date-time from the current JSON token without throwing: <see langword="false"/> when the token is
    /// not a string of the accepted form.
    /// </summary>
    /// <param name="reader">The reader, positioned on the token.</param>
    /// <param name="value">The value read.</param>
    /// <returns>Whether a date-time was read.</returns>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return TryParse(reader.ValueSpan, out value);
        }

        // Escaped text is never shorter than its unescaped form, so a long raw value cannot be a date-time.
        long rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > MaxLength * 6)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxLength * 6];
        int length = reader.CopyString(buffer);
        return TryParse(buffer.Slice(0, length), out value);
    }

    /// <summary>Reads a date-time from the current JSON token, which must be a string of the accepted form.</summary>
    /// <param name="reader">The reader, positioned on the token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a string, or the string is not a date-time.</exception>
    public static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string, found {JsonTokenNames.Describe(reader.TokenType)}.");
        }

        if (!TryRead(ref reader, out DateTimeOffset value))
        {
            string text = reader.GetString() ?? string.Empty;
            if (text.Length > 64)
            {
                text = string.Concat(text.AsSpan(0, 64), "...");
            }

            throw new JsonException(
                $"\"{text}\" is not a date-time; expected YYYY-MM-DDTHH:MM:SS with an optional fraction of up to 7 digits and an optional Z or \u00B1HH:MM.");
        }

        return value;
    }

    /// <summary>
    /// Writes a date-time as an ISO 8601 round-trip string with its offset
    /// (<c>2013-02-25T03:56:53.0816420+00:00</c>).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[MaxLength + 8];
        buffer[0] = (byte)'"';
        bool formatted = value.TryFormat(buffer.Slice(1), out int written, "O", CultureInfo.InvariantCulture);

        // "O" has a fixed width of 33 characters, so the buffer always suffices.
        System.Diagnostics.Debug.Assert(formatted, "The round-trip format fits the buffer.");
        buffer[written + 1] = (byte)'"';

        // Written raw: the text is plain ASCII, and a writer's default encoder would turn "+" into "\u002B".
        writer.WriteRawValue(buffer.Slice(0, written + 2), skipInputValidation: true);
    }

    private static bool TwoDigits(ReadOnlySpan<byte> s, int index, out int value)
    {
        byte tens = s[index];
        byte ones = s[index + 1];
        if (!IsDigit(tens) || !IsDigit(ones))
        {
            value = 0;
            return false;
        }

        value = ((tens - '0') * 10) + (ones - '0');
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
