using System;

namespace EvsContracts;

/// <summary>
/// The statuses an operation answers with success when there is more than one: those that carry the result's body
/// (<c>200</c>, <c>201</c>), those that carry none (<c>204</c>: the result is <see langword="null"/>), and whether a
/// <c>2XX</c> range makes every other 2xx status one or the other. A generated client keeps one per operation.
/// </summary>
public sealed class EvsSuccess
{
    private readonly int[] _withBody;
    private readonly int[] _withoutBody;
    private readonly bool _anyWithBody;
    private readonly bool _anyWithoutBody;

    /// <summary>Creates the set.</summary>
    /// <param name="withBody">Statuses whose body is the result.</param>
    /// <param name="withoutBody">Statuses without a body.</param>
    /// <param name="anyWithBody">Any other 2xx status carries the result (a <c>2XX</c> range with a body).</param>
    /// <param name="anyWithoutBody">Any other 2xx status carries no body (a <c>2XX</c> range without one).</param>
    public EvsSuccess(int[] withBody, int[] withoutBody, bool anyWithBody = false, bool anyWithoutBody = false)
    {
        ArgumentNullException.ThrowIfNull(withBody);
        ArgumentNullException.ThrowIfNull(withoutBody);
        _withBody = withBody;
        _withoutBody = withoutBody;
        _anyWithBody = anyWithBody;
        _anyWithoutBody = anyWithoutBody;
    }

    /// <summary>Whether <paramref name="status"/> is a success, and whether its body is the result.</summary>
    /// <param name="status">The answered status.</param>
    /// <param name="hasBody">Set when the body is to be read.</param>
    /// <returns><see langword="true"/> for a success.</returns>
    public bool Accepts(int status, out bool hasBody)
    {
        hasBody = Array.IndexOf(_withBody, status) >= 0;
        if (hasBody || Array.IndexOf(_withoutBody, status) >= 0)
        {
            return true;
        }

        // A 2XX range: a status declared on its own above comes first, and takes precedence.
        if (status is >= 200 and <= 299 && (_anyWithBody || _anyWithoutBody))
        {
            hasBody = _anyWithBody;
            return true;
        }

        return false;
    }
}
