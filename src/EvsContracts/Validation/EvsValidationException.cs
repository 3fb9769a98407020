using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EvsContracts;

/// <summary>
/// Thrown when a value breaks its contract, for example by the client before it sends a request that would be
/// refused. Nothing has been sent when the client throws it.
/// </summary>
public sealed class EvsValidationException : Exception
{
    /// <summary>Creates the exception for a set of violations; the message lists every one of them.</summary>
    /// <param name="violations">The violations found, usually the result of a generated <c>Validate()</c>.</param>
    public EvsValidationException(IReadOnlyList<ContractViolation> violations)
        : this(Copy(violations))
    {
    }

    /// <summary>Creates the exception with no violations attached.</summary>
    public EvsValidationException()
        : this("The value breaks its contract.")
    {
    }

    /// <summary>Creates the exception with a message and no violations attached.</summary>
    /// <param name="message">The message.</param>
    public EvsValidationException(string message)
        : base(message)
    {
        Violations = Array.Empty<ContractViolation>();
    }

    /// <summary>Creates the exception with a message, an inner exception and no violations attached.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public EvsValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = Array.Empty<ContractViolation>();
    }

    private EvsValidationException(ContractViolation[] violations)
        : base(Describe(violations))
    {
        Violations = violations;
    }

    /// <summary>Every violation found, in the order the checks ran.</summary>
    public IReadOnlyList<ContractViolation> Violations { get; }

    private static ContractViolation[] Copy(IReadOnlyList<ContractViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);

        // A private copy: the caller's list may be mutated after the throw.
        var copy = new ContractViolation[violations.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = violations[i] ?? throw new ArgumentException("The list of violations contains null.", nameof(violations));
        }

        return copy;
    }

    private static string Describe(ContractViolation[] violations)
    {
        if (violations.Length == 0)
        {
            return "The value breaks its contract.";
        }

        var text = new StringBuilder();
        text.Append(violations.Length.ToString(CultureInfo.InvariantCulture))
            .Append(violations.Length == 1 ? " contract violation:" : " contract violations:");
        foreach (ContractViolation violation in violations)
        {
            // The message already starts with the path, so the line is the message alone.
            text.Append('\n').Append("  ").Append(violation.Message);
        }

        return text.ToString();
    }
}
