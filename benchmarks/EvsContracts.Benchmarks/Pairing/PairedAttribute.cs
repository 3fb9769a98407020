using System;

namespace EvsContracts.Benchmarks.Pairing;

/// <summary>
/// Marks a benchmark whose operation runs two cases through <see cref="PairedTimer"/>: its metrics compare them
/// (B / A), its time is the two together.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PairedAttribute : Attribute;
