using System.Globalization;
using System.Numerics;
using EvsContracts.Generator.Reader.Json;

namespace EvsContracts.Generator.Reader.Yaml;

/// <summary>
/// What a plain scalar means under the YAML 1.2 core schema: null, a boolean, an integer (decimal, <c>0o</c> octal,
/// <c>0x</c> hexadecimal), a float (<c>.inf</c> and <c>.nan</c> too) or else a string. Numbers keep JSON's text where
/// they can (hexadecimal and octal become decimal, a leading <c>+</c> goes), so they read as the JSON reader's do.
/// </summary>
internal static class YamlCoreSchema
{
    public static JsonNode Resolve(string text, int start, int end)
    {
        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return new JsonNullNode(start, end);
            case "true":
            case "True":
            case "TRUE":
                return new JsonBooleanNode(start, end, true);
            case "false":
            case "False":
            case "FALSE":
                return new JsonBooleanNode(start, end, false);
            case ".inf":
            case ".Inf":
            case ".INF":
            case "+.inf":
            case "+.Inf":
            case "+.INF":
                return new JsonNumberNode(start, end, ".inf");
            case "-.inf":
            case "-.Inf":
            case "-.INF":
                return new JsonNumberNode(start, end, "-.inf");
            case ".nan":
            case ".NaN":
            case ".NAN":
                return new JsonNumberNode(start, end, ".nan");
        }

        if (text.Length > 2 && text[0] == '0' && text[1] is 'o' or 'x' && Radix(text, text[1] == 'o' ? 8 : 16) is { } value)
        {
            return new JsonNumberNode(start, end, value.ToString(CultureInfo.InvariantCulture));
        }

        if (IsFloat(text))
        {
            return new JsonNumberNode(start, end, text[0] == '+' ? text.Substring(1) : text);
        }

        return new JsonStringNode(start, end, text);
    }

    /// <summary>Whether a number's text (as <see cref="Resolve"/> writes it) is an integer.</summary>
    public static bool IsInteger(string text)
    {
        int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (i == text.Length)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static BigInteger? Radix(string text, int radix)
    {
        BigInteger value = BigInteger.Zero;
        for (int i = 2; i < text.Length; i++)
        {
            char c = text[i];
            int digit = c is >= '0' and <= '9' ? c - '0'
                : c is >= 'a' and <= 'f' ? c - 'a' + 10
                : c is >= 'A' and <= 'F' ? c - 'A' + 10
                : 99;
            if (digit >= radix)
            {
                return null;
            }

            value = (value * radix) + digit;
        }

        return value;
    }

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>, integers included.</summary>
    private static bool IsFloat(string text)
    {
        int i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            i++;
        }

        int digits = Digits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            digits += Digits(text, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int Digits(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        return i - start;
    }
}
