using System;
using System.Collections.Generic;
using System.Globalization;
using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// Names of generated locals, chosen per method so that adding a member does not rename the others: a member's local
/// is its camel-case name (<c>name</c> for <c>Name</c>); nested loops and temporaries use fixed words, numbered by
/// depth only (<c>item</c>, <c>item2</c>).
/// </summary>
internal static class LocalNames
{
    /// <summary>The parameters and fixed words the emitter uses; a member's local never takes one.</summary>
    private static readonly HashSet<string> s_fixed = new(StringComparer.Ordinal)
    {
        "reader", "writer", "path", "violations", "propertyName", "number", "date", "item", "key", "entry", "i", "value",
    };

    private static readonly char[] s_digits = { '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' };

    /// <summary>A fixed word at a nesting depth: <c>item</c>, then <c>item2</c> inside it.</summary>
    public static string Nested(string word, int depth) =>
        depth == 0 ? word : word + (depth + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One local per member of <paramref name="type"/>, in its order, and the flag that notes a member was read when
    /// null alone cannot tell (a required value type, or a required member that may be null).
    /// </summary>
    public static (string[] Values, string?[] Seen) ForMembers(TypeModel type)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var values = new string[type.Properties.Count];
        var seen = new string?[type.Properties.Count];
        for (int i = 0; i < values.Length; i++)
        {
            PropertyModel property = type.Properties[i];
            string camel = Naming.ToCamelCase(property.Name);

            // A name that is the member's own (it starts with '_' or an uncased letter) would hide the member.
            values[i] = Claim(camel == property.Name || IsFixed(camel) ? camel + "Value" : camel, taken);
        }

        for (int i = 0; i < seen.Length; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.Required && (property.Type.IsValueType || property.Nullable))
            {
                seen[i] = Claim("has" + property.Name, taken);
            }
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Naming.Escape(values[i]);
        }

        return (values, seen);
    }

    /// <summary>Whether a fixed word (or a numbered one) is <paramref name="name"/>.</summary>
    public static bool IsFixed(string name) => s_fixed.Contains(name.TrimEnd(s_digits));

    private static string Claim(string name, HashSet<string> taken)
    {
        string claimed = name;
        for (int i = 2; !taken.Add(claimed); i++)
        {
            claimed = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return claimed;
    }
}
