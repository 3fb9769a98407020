using System.Globalization;
using System.Text;
using EvsContracts.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace EvsContracts.Generator.Tests;

/// <summary>The same inputs give the same bytes: in fresh drivers, on many threads at once, under any culture.</summary>
public class DeterminismTests
{
    private static TestSpec[] Specs() => new[]
    {
        TestSpec.FromFile("Specs/kitchen-sink.openapi.json"),
        TestSpec.FromFile("Specs/nullable-30.openapi.json"),
    };

    [Fact]
    public void Two_fresh_drivers_give_byte_identical_sources()
    {
        List<(string HintName, byte[] Bytes)> first = Bytes(GeneratorHarness.Run(Specs()));
        List<(string HintName, byte[] Bytes)> second = Bytes(GeneratorHarness.Run(Specs()));

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(f => f.HintName), second.Select(s => s.HintName));
        for (int i = 0; i < first.Count; i++)
        {
            Assert.True(first[i].Bytes.AsSpan().SequenceEqual(second[i].Bytes), $"{first[i].HintName} differs between runs");
        }
    }

    [Fact]
    public void Eight_compilations_generated_concurrently_give_identical_sources()
    {
        IReadOnlyList<KeyValuePair<string, string>> expected = GeneratorHarness.Run(Specs()).Sources;
        var results = new IReadOnlyList<KeyValuePair<string, string>>[8];

        // Each compilation has its own driver and its own spec texts: nothing is shared but the generator's code.
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
        {
            var compilation = GeneratorHarness.CreateCompilation($"namespace App{i}; public class Consumer{i} {{ }}");
            results[i] = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Specs()), compilation).Sources;
        });

        Assert.NotEmpty(expected);
        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void One_driver_used_from_many_threads_gives_identical_sources()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Specs());
        IReadOnlyList<KeyValuePair<string, string>> expected = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation()).Sources;

        // Drivers are immutable; running one from several threads must not mix their states.
        IReadOnlyList<KeyValuePair<string, string>>[] results = Enumerable.Range(0, 8)
            .AsParallel()
            .WithDegreeOfParallelism(8)
            .Select(i => GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation($"class C{i} {{ }}")).Sources)
            .ToArray();

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("zh-CN")]
    public void The_current_culture_does_not_change_the_output(string culture)
    {
        IReadOnlyList<KeyValuePair<string, string>> invariant = RunUnder(CultureInfo.InvariantCulture);
        IReadOnlyList<KeyValuePair<string, string>> local = RunUnder(CultureInfo.GetCultureInfo(culture));

        // Decimal limits (0.1), lower-casing of "I" in names, and number formats are where a culture would show.
        Assert.Contains(invariant, s => s.Value.Contains("Minimum(0.1d)", StringComparison.Ordinal));
        Assert.Equal(invariant, local);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> RunUnder(CultureInfo culture)
    {
        CultureInfo before = CultureInfo.CurrentCulture, beforeUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return GeneratorHarness.Run(Specs()).Sources;
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    private static List<(string HintName, byte[] Bytes)> Bytes(GeneratorRun run) =>
        run.Single.GeneratedSources
            .Select(s => (s.HintName, (s.SourceText.Encoding ?? Encoding.UTF8).GetBytes(s.SourceText.ToString())))
            .ToList();
}
