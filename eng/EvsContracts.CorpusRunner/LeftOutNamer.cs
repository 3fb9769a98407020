namespace EvsContracts.CorpusRunner;

/// <summary>
/// Finds the first located spec diagnostic (an EVS102 warning or an EVS1xx error) that names a left-out operation
/// (<see cref="SpecRunner.Names"/>). A large spec has thousands of left-out operations and thousands of diagnostics,
/// each listing what it leaves out, so the messages are indexed by the words that can name an operation and only the
/// messages holding one of its words are checked.
/// </summary>
public sealed class LeftOutNamer
{
    private static readonly char[] s_separators = [' ', '\t', '\r', '\n', ',', ';', '(', ')', '"', '\''];

    private readonly IReadOnlyList<GeneratorDiagnostic> _diagnostics;
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);

    /// <param name="diagnostics">The located spec diagnostics, in the order the generator reported them.</param>
    public LeftOutNamer(IReadOnlyList<GeneratorDiagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
        for (int index = 0; index < diagnostics.Count; index++)
        {
            foreach (string word in diagnostics[index].Message.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
            {
                Add(word, index);
                Add(word.TrimEnd('.', ':'), index);
                AddPointerPrefixes(word, index);
            }
        }
    }

    /// <summary>The first diagnostic that names the operation, or null.</summary>
    public GeneratorDiagnostic? Find(SpecOperation operation, string? operationId)
    {
        int first = int.MaxValue;
        foreach (string? word in (string?[])[operation.JsonPointer, operation.Path, operationId])
        {
            if (word is { Length: > 0 } && _byWord.TryGetValue(word, out List<int>? indexes))
            {
                foreach (int index in indexes)
                {
                    if (index >= first)
                    {
                        break;
                    }

                    if (SpecRunner.Names(_diagnostics[index].Message, operation, operationId))
                    {
                        first = index;
                        break;
                    }
                }
            }
        }

        if (first != int.MaxValue)
        {
            return _diagnostics[first];
        }

        // A word the index does not split out.
        return _diagnostics.FirstOrDefault(w => SpecRunner.Names(w.Message, operation, operationId));
    }

    private void Add(string word, int index)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (!_byWord.TryGetValue(word, out List<int>? indexes))
        {
            _byWord[word] = indexes = [];
        }

        // Messages are added in order, so each list stays sorted and holds an index once.
        if (indexes.Count == 0 || indexes[^1] != index)
        {
            indexes.Add(index);
        }
    }

    /// <summary>A pointer names the operations it is inside: "/paths/~1a/get/responses" also indexes "/paths/~1a/get".</summary>
    private void AddPointerPrefixes(string word, int index)
    {
        for (int start = word.IndexOf("/paths/", StringComparison.Ordinal); start >= 0; start = word.IndexOf("/paths/", start + 1, StringComparison.Ordinal))
        {
            for (int end = start + "/paths/".Length; end <= word.Length; end++)
            {
                if (end == word.Length || word[end] is '/' or ':' or '.')
                {
                    Add(word[start..end], index);
                }
            }
        }
    }
}
