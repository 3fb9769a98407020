using EvsContracts.Generator.Emitter;
using EvsContracts.Generator.Model;
using EvsContracts.Generator.Tests.Infrastructure;

namespace EvsContracts.Generator.Tests;

/// <summary>
/// A cancelled pipeline step stops with <see cref="OperationCanceledException"/>, as the compiler and IDEs expect,
/// rather than finishing a long parse or reporting the cancellation as a defect (EVS900).
/// </summary>
public class CancellationTests
{
    private const string SpecPath = "/project/contracts/kitchen-sink.openapi.json";

    [Fact]
    public void A_cancelled_parse_throws_instead_of_reporting_a_defect()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SpecParser.Parse(KitchenSink(), cancellation.Token));
    }

    [Fact]
    public void A_parse_cancelled_while_building_the_model_throws()
    {
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => SpecParser.Parse(
            KitchenSink(),
            (document, input, diagnostics) =>
            {
                cancellation.Cancel();
                return ContractModelBuilder.Build(document, input, diagnostics, cancellation.Token);
            }));
    }

    [Fact]
    public void Writing_the_models_and_the_client_stops_when_cancelled()
    {
        ContractModel model = SpecParser.Parse(KitchenSink()).Model!;
        Assert.False(model.Types.IsEmpty);
        Assert.False(model.Operations.IsEmpty);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ModelEmitter.Emit(model, cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ClientEmitter.Emit(model, cancellation.Token));
    }

    private static SpecInput KitchenSink() =>
        new(SpecPath, File.ReadAllText(TestPaths.Output("Specs/kitchen-sink.openapi.json")), null, null, "Consumer");
}
