using static EvsContracts.Analyzers.Tests.Verify;

namespace EvsContracts.Analyzers.Tests;

/// <summary>EVS004 for the number rules beyond the inclusive range: exclusive bounds, multipleOf and integer enums.</summary>
public sealed class NumberRuleTests
{
    [Fact]
    public Task Exclusive_bounds_refuse_the_bound_itself() =>
        RunAsync("EVS004", """
            using EvsContracts;

            public sealed class Mine
            {
                [ExclusiveMinimum(0d)] public double? Price { get; set; }
                [ExclusiveMaximum(40.5d)] public double? Temperature { get; set; }

                public static Mine Make() => new Mine { Price = 0.01, Temperature = 40.4 };
                public static Mine Bad() => new Mine { Price = {|#0:0|}, Temperature = {|#1:40.5|} };
            }
            """,
            Evs004(0).WithMessage("Price 0 is not greater than 0, the exclusive minimum"),
            Evs004(1).WithMessage("Temperature 40.5 is not less than 40.5, the exclusive maximum"));

    [Fact]
    public Task MultipleOf_is_decimal_so_a_cent_divides_every_price() =>
        RunAsync("EVS004", """
            using EvsContracts;

            public sealed class Mine
            {
                [MultipleOf(0.01d)] public double? Price { get; set; }
                [MultipleOf(5d)] public int? Step { get; set; }

                public static Mine Make() => new Mine { Price = 0.3, Step = -15 };
                public static Mine Bad() => new Mine { Price = {|#0:0.305|}, Step = {|#1:7|} };
            }
            """,
            Evs004(0).WithMessage("Price 0.305 is not a multiple of 0.01"),
            Evs004(1).WithMessage("Step 7 is not a multiple of 5"));

    [Fact]
    public Task An_integer_enum_lists_its_values() =>
        RunAsync("EVS004", """
            using EvsContracts;

            public sealed class Mine
            {
                [EnumValues(1L, 2L, 3L)] public int? Rating { get; set; }
                [EnumValues(101L, 102L)] public System.Collections.Generic.IList<long>? Rooms { get; set; }

                public static Mine Make() => new Mine { Rating = 3, Rooms = [101, 102] };
                public static Mine Bad() => new Mine { Rating = {|#0:0|}, Rooms = [101, {|#1:103|}] };
            }
            """,
            Evs004(0).WithMessage("Rating 0 is not one of the allowed values 1, 2, 3"),
            Evs004(1));
}
