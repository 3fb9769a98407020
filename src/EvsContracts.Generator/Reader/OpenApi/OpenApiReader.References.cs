using System;
using System.Globalization;
using EvsContracts.Generator.Diagnostics;
using EvsContracts.Generator.Reader.Json;
using static EvsContracts.Generator.Diagnostics.DiagnosticText;

namespace EvsContracts.Generator.Reader.OpenApi;

/// <summary>Local references (<c>#/...</c>) and JSON Pointer escaping.</summary>
internal sealed partial class OpenApiReader
{
    /// <summary>Follows a local <c>$ref</c> of a parameter, request body or response to the object it names.</summary>
    private JsonNode? Deref(JsonNode node, ref string pointer)
    {
        for (int hops = 0; hops < 32; hops++)
        {
            if (node is not JsonObjectNode obj || obj.Find("$ref") is not { } refMember)
            {
                if (node is not JsonObjectNode)
                {
                    Report(DiagnosticDescriptors.NotAnObject, node, pointer);
                    return null;
                }

                return node;
            }

            if (refMember.Value is not JsonStringNode target)
            {
                Report(DiagnosticDescriptors.NotAString, refMember.Value, pointer + "/$ref");
                return null;
            }

            if (!target.Value.StartsWith("#", StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.RemoteReference, target, Quote(target.Value), pointer);
                return null;
            }

            JsonNode? resolved = ResolvePointer(target.Value);
            if (resolved is null)
            {
                Report(DiagnosticDescriptors.ReferenceUnresolved, target, Quote(target.Value), pointer);
                return null;
            }

            node = resolved;
            pointer = target.Value.Substring(1);
        }

        Report(DiagnosticDescriptors.ReferenceCycle, node, pointer);
        return null;
    }

    private JsonNode? ResolvePointer(string reference)
    {
        if (reference == "#")
        {
            return _root;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        JsonNode current = _root;
        foreach (string raw in reference.Substring(2).Split('/'))
        {
            string token = PointerToken(raw);
            if (current is JsonObjectNode obj && obj.Get(token) is { } next)
            {
                current = next;
            }
            else if (current is JsonArrayNode array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < array.Items.Count)
            {
                current = array.Items[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string EscapePointer(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static string UnescapePointer(string token) => token.Replace("~1", "/").Replace("~0", "~");

    /// <summary>One token of a <c>$ref</c>'s pointer as a member name: URI escapes first, then JSON Pointer's.</summary>
    private static string PointerToken(string raw) => UnescapePointer(Uri.UnescapeDataString(raw));
}
