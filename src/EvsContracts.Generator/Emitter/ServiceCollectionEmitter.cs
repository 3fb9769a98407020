using EvsContracts.Generator.Model;

namespace EvsContracts.Generator.Emitter;

/// <summary>
/// Writes the <c>Add{Client}</c> extension that registers the client with the HTTP client factory, when the project
/// references Microsoft.Extensions.Http.
/// </summary>
internal static class ServiceCollectionEmitter
{
    public static GeneratedText Emit(ContractModel contract)
    {
        var w = new SourceWriter();
        string client = CSharpTypes.Named(contract.Namespace, contract.ClientName);
        string iclient = CSharpTypes.Named(contract.Namespace, "I" + contract.ClientName);
        EmitterCommon.Header(w, contract);
        // In the contract's namespace, not Microsoft.Extensions.DependencyInjection: two specs may name their
        // clients alike, and their Add methods must not collide.
        EmitterCommon.Namespace(w, contract.Namespace);
        w.Line($"/// <summary>Registers <see cref=\"{client}\"/> with the HTTP client factory.</summary>");
        EmitterCommon.GeneratedCode(w);
        w.Open($"public static partial class {contract.ClientName}ServiceCollectionExtensions");
        w.Line($"/// <summary>Registers <see cref=\"{iclient}\"/> as a typed HTTP client.</summary>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <param name=\"configureClient\">Sets the endpoint (BaseAddress), timeout and default headers.</param>");
        w.Line("/// <param name=\"configureOptions\">Sets the token or the AK/SK credentials, API version and validation options.</param>");
        w.Line("/// <returns>The builder, to add handlers such as the standard resilience handler.</returns>");
        w.Line("/// <remarks>");
        w.Line("/// Redirects are not followed: on a 3xx answer HttpClient would send the request again to wherever the answer");
        w.Line("/// points, and it drops only the Authorization header on the way, so the X-Auth-Token header would go along. A");
        w.Line($"/// redirect ends in an <see cref=\"{CSharpTypes.Evs}.EvsApiException\"/> with its status instead. The primary handler is");
        w.Line("/// an <see cref=\"global::System.Net.Http.HttpClientHandler\"/>, as the factory's default is, with");
        w.Line("/// <see cref=\"global::System.Net.Http.HttpClientHandler.AllowAutoRedirect\"/> off; a later");
        w.Line("/// <c>ConfigurePrimaryHttpMessageHandler</c> on the returned builder replaces it. With");
        w.Line($"/// <see cref=\"{CSharpTypes.Evs}.EvsClientOptions.Credentials\"/> set, a <see cref=\"{CSharpTypes.Evs}.HuaweiCloudSigningHandler\"/> signs");
        w.Line("/// every request as the innermost handler, after all handlers added to the returned builder.");
        w.Line("/// </remarks>");
        w.Open($"public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{contract.ClientName}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::System.Net.Http.HttpClient> configureClient, global::System.Action<{CSharpTypes.Evs}.EvsClientOptions>? configureOptions = null)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(configureClient);");
        w.Line($"var options = new {CSharpTypes.Evs}.EvsClientOptions();");
        w.Line("configureOptions?.Invoke(options);");

        // With AK/SK the signing moves from the client to a handler, the innermost one: it signs the headers as every
        // other handler (the caller's, the resilience handler's retries) left them. The client then does not sign
        // as well, which would only be work undone.
        w.Line($"{CSharpTypes.Evs}.HuaweiCloudCredentials? credentials = options.Credentials;");
        w.Line("options.Credentials = null;");
        w.Line($"var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{iclient}, {client}>(services, (httpClient, _) => new {client}(httpClient, options));");
        w.Open("if (credentials is not null)");
        w.Line("global::System.TimeProvider timeProvider = options.TimeProvider;");

        // Post-configured, so this action runs after those of handlers added to the returned builder later, and the
        // handler it adds, added last, ends next to the primary handler.
        w.Line("global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.PostConfigure<global::Microsoft.Extensions.Http.HttpClientFactoryOptions>(services, builder.Name, factory => factory.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new " + CSharpTypes.Evs + ".HuaweiCloudSigningHandler(credentials, timeProvider))));");
        w.Close();

        // The token travels as a header, and before .NET 9 the factory's Trace logging printed header values as they
        // were; redacting them all is the .NET 9 default, on every version.
        w.Line("global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.RedactLoggedHeaders(builder, static _ => true);");

        // Configured before the caller sees the builder, so the caller's own primary handler wins.
        w.Line("global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, static () => new global::System.Net.Http.HttpClientHandler { AllowAutoRedirect = false });");
        w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigureHttpClient(builder, configureClient);");
        w.Close();
        w.Close();
        return w.ToText();
    }
}
