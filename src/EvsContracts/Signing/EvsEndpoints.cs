using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace EvsContracts;

/// <summary>The EVS API endpoint of each Huawei Cloud region.</summary>
public static class EvsEndpoints
{
    // The regions EVS is offered in and their endpoints, as Huawei Cloud's Go SDK lists them
    // (huaweicloud-sdk-go-v3, services/evs/v2/region/region.go): https://evs.{region}.myhuaweicloud.com, except
    // eu-west-101 (Dublin), which is on myhuaweicloud.eu.
    private static readonly FrozenDictionary<string, Uri> s_endpoints = new Dictionary<string, Uri>
    {
        ["af-south-1"] = Endpoint("af-south-1"),
        ["ae-ad-1"] = Endpoint("ae-ad-1"),
        ["ap-southeast-1"] = Endpoint("ap-southeast-1"),
        ["ap-southeast-2"] = Endpoint("ap-southeast-2"),
        ["ap-southeast-3"] = Endpoint("ap-southeast-3"),
        ["ap-southeast-4"] = Endpoint("ap-southeast-4"),
        ["cn-east-2"] = Endpoint("cn-east-2"),
        ["cn-east-3"] = Endpoint("cn-east-3"),
        ["cn-north-1"] = Endpoint("cn-north-1"),
        ["cn-north-2"] = Endpoint("cn-north-2"),
        ["cn-north-4"] = Endpoint("cn-north-4"),
        ["cn-north-9"] = Endpoint("cn-north-9"),
        ["cn-south-1"] = Endpoint("cn-south-1"),
        ["cn-south-2"] = Endpoint("cn-south-2"),
        ["cn-south-4"] = Endpoint("cn-south-4"),
        ["cn-southwest-2"] = Endpoint("cn-southwest-2"),
        ["eu-west-0"] = Endpoint("eu-west-0"),
        ["eu-west-101"] = new Uri("https://evs.eu-west-101.myhuaweicloud.eu/"),
        ["la-north-2"] = Endpoint("la-north-2"),
        ["la-south-2"] = Endpoint("la-south-2"),
        ["me-east-1"] = Endpoint("me-east-1"),
        ["na-mexico-1"] = Endpoint("na-mexico-1"),
        ["sa-brazil-1"] = Endpoint("sa-brazil-1"),
        ["tr-west-1"] = Endpoint("tr-west-1"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] s_regions = [.. s_endpoints.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The region ids <see cref="ForRegion"/> knows, sorted.</summary>
    public static IReadOnlyList<string> Regions => s_regions;

    /// <summary>
    /// The EVS endpoint of <paramref name="region"/>, with a trailing slash, ready for
    /// <see cref="System.Net.Http.HttpClient.BaseAddress"/>: <c>ForRegion("cn-north-4")</c> is
    /// <c>https://evs.cn-north-4.myhuaweicloud.com/</c>.
    /// </summary>
    /// <param name="region">A region id such as <c>cn-north-4</c> or <c>ap-southeast-1</c> (case is ignored).</param>
    /// <returns>The endpoint.</returns>
    /// <exception cref="ArgumentException">
    /// The region is not one EVS is known to be offered in; the message lists those. A mistyped id would otherwise
    /// surface only as a DNS failure. For a region added since, give its endpoint as a <see cref="Uri"/> directly.
    /// </exception>
    public static Uri ForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (s_endpoints.TryGetValue(region.Trim(), out Uri? endpoint))
        {
            return endpoint;
        }

        throw new ArgumentException(
            $"'{region}' is not a region EVS is known to be offered in. Known regions: {string.Join(", ", s_regions)}. For another region, set the endpoint directly, for example new Uri(\"https://evs.<region>.myhuaweicloud.com/\").",
            nameof(region));
    }

    private static Uri Endpoint(string region) => new($"https://evs.{region}.myhuaweicloud.com/");
}
