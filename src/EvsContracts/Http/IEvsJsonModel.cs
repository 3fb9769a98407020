using System.Collections.Generic;
using System.Text.Json;

namespace EvsContracts;

/// <summary>
/// A model that reads and writes its own JSON and checks its own contract, without reflection. Generated models
/// implement it; <see cref="EvsHttpInvoker"/> sends and receives any type that does.
/// </summary>
/// <typeparam name="TSelf">The model type itself.</typeparam>
public interface IEvsJsonModel<TSelf>
    where TSelf : IEvsJsonModel<TSelf>
{
    /// <summary>
    /// Reads one value. As in <c>JsonConverter&lt;T&gt;.Read</c>, the reader is positioned on the value's first token
    /// (<see cref="JsonTokenType.StartObject"/> for an object) and must be left on its last token
    /// (<see cref="JsonTokenType.EndObject"/>).
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">The JSON does not fit the model; the message names the path.</exception>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes this value as one JSON value (an object for a model).</summary>
    /// <param name="writer">The writer.</param>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>Checks this value, and the values it contains, against the contract.</summary>
    /// <returns>Every violation found; empty when the value is valid.</returns>
    IReadOnlyList<ContractViolation> Validate();
}
