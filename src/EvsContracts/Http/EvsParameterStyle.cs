namespace EvsContracts;

/// <summary>
/// How a parameter's value is written: OpenAPI's <c>style</c>, which follows the expansions of RFC 6570 (URI
/// Template): <c>simple</c> <c>{x}</c>, <c>label</c> <c>{.x}</c>, <c>matrix</c> <c>{;x}</c>, <c>form</c> <c>{?x}</c>.
/// </summary>
public enum EvsParameterStyle
{
    /// <summary>The value as it is: a list <c>a,b</c>, an object <c>k,v</c> (exploded <c>k=v</c>). Path and headers.</summary>
    Simple,

    /// <summary>A <c>.</c> before the value: <c>.a,b</c> (exploded <c>.a.b</c>), <c>.k,v</c> (exploded <c>.k=v</c>). Path.</summary>
    Label,

    /// <summary>
    /// <c>;name=</c> before the value: <c>;name=a,b</c> (exploded <c>;name=a;name=b</c>), <c>;name=k,v</c> (exploded
    /// <c>;k=v</c>). Path.
    /// </summary>
    Matrix,

    /// <summary><c>name=</c> before the value: <c>name=a,b</c>, <c>name=k,v</c> (exploded <c>k=v&amp;k2=v2</c>). Query.</summary>
    Form,

    /// <summary>As <see cref="Form"/>, joined by spaces (<c>%20</c>). Query.</summary>
    SpaceDelimited,

    /// <summary>As <see cref="Form"/>, joined by <c>|</c> (<c>%7C</c>). Query.</summary>
    PipeDelimited,
}
