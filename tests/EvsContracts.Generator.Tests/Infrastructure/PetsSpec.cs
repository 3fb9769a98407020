namespace EvsContracts.Generator.Tests.Infrastructure;

/// <summary>A spec of the Pets API (namespace <c>Pets</c>, client <c>PetsClient</c>) around the paths and schemas a test gives.</summary>
internal static class PetsSpec
{
    /// <summary>The spec's text; <paramref name="paths"/> and <paramref name="schemas"/> are members, written as JSON.</summary>
    public static string Of(string paths, string schemas) => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets", "version": "1", "x-namespace": "Pets", "x-client-name": "PetsClient" },
          "paths": {
        {{paths}}
          },
          "components": {
            "schemas": {
        {{schemas}}
            }
          }
        }
        """;
}
