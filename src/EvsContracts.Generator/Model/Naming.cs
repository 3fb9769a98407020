using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace EvsContracts.Generator.Model;

/// <summary>How names in a spec become C# names.</summary>
internal static class Naming
{
    /// <summary>
    /// <c>volume_id</c> → <c>VolumeId</c>, <c>backing-up</c> → <c>BackingUp</c>, <c>createSnapshot</c> → <c>CreateSnapshot</c>.
    /// Text is normalized (NFC) and formatting characters such as bidi controls are dropped first: C# ignores them
    /// when it compares identifiers, so keeping them would hide collisions. Returns "" when nothing usable is left.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        string normalized = name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        bool startOfWord = true;
        foreach (char c in normalized)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            if (!IsIdentifierPart(c, category))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        if (builder.Length > 0 && !IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary><c>project_id</c> → <c>projectId</c>, for parameters.</summary>
    public static string ToCamelCase(string name)
    {
        string pascal = ToPascalCase(name);
        if (pascal.Length == 0 || pascal[0] == '_')
        {
            return pascal;
        }

        // "ID" → "id", "HTTPServer" → "httpServer": lower the leading run of capitals but the start of the next word.
        int run = 0;
        while (run < pascal.Length && char.IsUpper(pascal[run]))
        {
            run++;
        }

        int lower = run <= 1 || run == pascal.Length ? run : run - 1;
        return pascal.Substring(0, lower).ToLowerInvariant() + pascal.Substring(lower);
    }

    /// <summary>
    /// A method name for an operation without an operationId: the method, then each path segment in PascalCase, a
    /// parameter as <c>By</c> and its name. <c>GET /pets/{petId}</c> → <c>GetPetsByPetId</c>,
    /// <c>POST /v2/{project_id}/snapshots</c> → <c>PostV2ByProjectIdSnapshots</c>, <c>GET /</c> → <c>GetRoot</c>.
    /// </summary>
    public static string OperationName(string method, string path)
    {
        var builder = new StringBuilder(ToPascalCase(method));
        int length = builder.Length;
        foreach (string segment in path.Split('/'))
        {
            bool parameter = segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}';
            string word = ToPascalCase(parameter ? segment.Substring(1, segment.Length - 2) : segment).TrimStart('_');
            if (word.Length > 0)
            {
                builder.Append(parameter ? "By" : string.Empty).Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
        }

        string name = builder.Length == length ? builder.Append("Root").ToString() : builder.ToString();
        return IsValidIdentifier(name) ? name : ToPascalCase(method) + "Operation";
    }

    /// <summary>
    /// <paramref name="stem"/>, or with the first numeric suffix from 2 that <paramref name="taken"/> does not hold;
    /// the name returned is added to it. Keeps names that collide after conversion apart, deterministically.
    /// </summary>
    public static string Unique(string stem, HashSet<string> taken)
    {
        string name = stem;
        for (int i = 2; !taken.Add(name); i++)
        {
            name = stem + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>
    /// The longest name, in UTF-8 bytes, given to anything generated. Metadata refuses names over 1,023 bytes (CS7013,
    /// and only when the assembly is written); generated names add suffixes and nest, so a spec name stays well below.
    /// </summary>
    public const int MaxIdentifierBytes = 256;

    public static bool IsValidIdentifier(string name) =>
        name.Length > 0 && Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes && SyntaxFacts.IsValidIdentifier(name);

    /// <summary>
    /// A name taken as written (a namespace part, a client name): a valid identifier that is not a keyword, contextual
    /// or not, and holds no formatting characters. Member names can be escaped with <c>@</c>, but these are also
    /// spelled inside other names (<c>I{Client}</c>, hint names); and a bidi control would make the source read other
    /// than it compiles.
    /// </summary>
    public static bool IsPlainIdentifier(string name)
    {
        // Contextual keywords too: some cannot name a type at all (required, file, scoped, record, var).
        if (!IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name as it must be written in source: keywords get the verbatim prefix.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) is SyntaxKind.VarKeyword
            ? "@" + identifier
            : identifier;

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c, UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
            or UnicodeCategory.DecimalDigitNumber => true,
        _ => false,
    };
}
