using System.Text.Json;

namespace EvsContracts;

/// <summary>Names JSON token types the way error messages read ("a number", "the end of an object").</summary>
internal static class JsonTokenNames
{
    public static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.None => "no token",
        JsonTokenType.StartObject => "the start of an object",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.StartArray => "the start of an array",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.Comment => "a comment",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => "an unknown token",
    };
}
