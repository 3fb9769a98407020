using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>A model's <c>Validate()</c> and the internal <c>ValidateInto</c> that nested models share.</summary>
internal sealed partial class ModelEmitter
{
    private void EmitValidate(TypeModel type)
    {
        OpenValidateInto();
        foreach (PropertyModel property in type.Properties)
        {
            string name = Naming.Escape(property.Name);
            string json = CSharpLiteral.String(property.JsonName);
            // A read-only member is the service's to fill: a request that lacks it is valid.
            if (property.Required && !property.Nullable && !property.ReadOnly && (!property.Type.IsValueType || property.WriteOnly))
            {
                _w.Line($"{CSharpTypes.Evs}.ContractCheck.Required({name}, path, {json}, ref violations);");
            }

            _checks.Emit(property.Type, name, "path", json, PatternField(property), property.Type.IsValueType && IsNullable(property));
        }

        if (type.AdditionalProperties is { } additional && _checks.HasChecks(additional))
        {
            // Each other member is checked under its own name, beside the named ones.
            _w.Open($"if ({Model.ContractModelBuilder.AdditionalPropertiesName} is not null)");
            _w.Open($"foreach (var member in {Model.ContractModelBuilder.AdditionalPropertiesName})");
            _checks.Emit(additional, "member.Value", "path", "member.Key", AdditionalPatternField, false);
            _w.Close();
            _w.Close();
        }

        _w.Close();
    }

    /// <summary>Writes <c>Validate()</c> and opens <c>ValidateInto</c>, whose body the caller writes and closes.</summary>
    private void OpenValidateInto()
    {
        _w.Line();
        _w.Line("/// <summary>Checks this value against the spec's rules; an empty list means it is valid. Allocates nothing when valid.</summary>");
        _w.Line("/// <returns>Every violation, each with its JSON path, rule, limit and a message.</returns>");
        _w.Open($"public {CSharpTypes.Generic}.IReadOnlyList<{CSharpTypes.Evs}.ContractViolation> Validate()");
        _w.Line($"{CSharpTypes.ViolationList}? violations = null;");
        _w.Line("ValidateInto(string.Empty, ref violations);");
        _w.Line($"return {CSharpTypes.Evs}.ContractCheck.Result(violations);");
        _w.Close();

        // Internal: the models and the client of this contract add to one list; users call Validate().
        _w.Line();
        _w.Line("/// <summary>Adds this value's violations, under <paramref name=\"path\"/>, to <paramref name=\"violations\"/> (created on the first).</summary>");
        _w.Open($"internal void ValidateInto(string path, ref {CSharpTypes.ViolationList}? violations)");
    }
}
