using System.Reflection;

namespace EvsContracts.Runtime.Tests.Attributes;

public sealed class AttributeTests
{
    public static TheoryData<Type> AttributeTypes() =>
    [
        typeof(MaxUtf8BytesAttribute),
        typeof(ReservedPrefixesAttribute),
        typeof(MinCodePointsAttribute),
        typeof(MaxCodePointsAttribute),
        typeof(UuidFormatAttribute),
        typeof(PatternAttribute),
        typeof(EnumValuesAttribute),
        typeof(MinimumAttribute),
        typeof(MaximumAttribute),
        typeof(MinItemsAttribute),
        typeof(MaxItemsAttribute),
    ];

    [Theory]
    [MemberData(nameof(AttributeTypes))]
    public void Applies_once_to_properties_parameters_and_fields(Type type)
    {
        AttributeUsageAttribute usage = type.GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.Equal(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, usage.ValidOn);
        Assert.False(usage.AllowMultiple);
        Assert.True(type.IsSealed);
        Assert.Equal("EvsContracts", type.Namespace);
    }

    [Fact]
    public void Arguments_are_read_back_from_metadata()
    {
        PropertyInfo name = typeof(Annotated).GetProperty(nameof(Annotated.Name))!;
        Assert.Equal(255, name.GetCustomAttribute<MaxUtf8BytesAttribute>()!.MaxBytes);
        Assert.Equal(["autobk_snapshot_", "x_"], name.GetCustomAttribute<ReservedPrefixesAttribute>()!.Prefixes);
        Assert.Equal(1, name.GetCustomAttribute<MinCodePointsAttribute>()!.Length);
        Assert.Equal(64, name.GetCustomAttribute<MaxCodePointsAttribute>()!.Length);
        Assert.Equal("^[a-z]", name.GetCustomAttribute<PatternAttribute>()!.Pattern);

        PropertyInfo status = typeof(Annotated).GetProperty(nameof(Annotated.Status))!;
        Assert.Equal(["creating", "available"], status.GetCustomAttribute<EnumValuesAttribute>()!.Values);

        PropertyInfo size = typeof(Annotated).GetProperty(nameof(Annotated.Size))!;
        Assert.Equal(1, size.GetCustomAttribute<MinimumAttribute>()!.Value);
        Assert.Equal(32768, size.GetCustomAttribute<MaximumAttribute>()!.Value);

        Assert.NotNull(typeof(Annotated).GetProperty(nameof(Annotated.VolumeId))!.GetCustomAttribute<UuidFormatAttribute>());

        PropertyInfo tags = typeof(Annotated).GetProperty(nameof(Annotated.Tags))!;
        Assert.Equal(1, tags.GetCustomAttribute<MinItemsAttribute>()!.Count);
        Assert.Equal(3, tags.GetCustomAttribute<MaxItemsAttribute>()!.Count);
    }

    private sealed class Annotated
    {
        [MaxUtf8Bytes(255)]
        [ReservedPrefixes("autobk_snapshot_", "x_")]
        [MinCodePoints(1)]
        [MaxCodePoints(64)]
        [Pattern("^[a-z]")]
        public string? Name { get; set; }

        [EnumValues("creating", "available")]
        public string? Status { get; set; }

        [Minimum(1)]
        [Maximum(32768)]
        public int Size { get; set; }

        [UuidFormat]
        public string? VolumeId { get; set; }

        [MinItems(1)]
        [MaxItems(3)]
        public string[]? Tags { get; set; }
    }
}
