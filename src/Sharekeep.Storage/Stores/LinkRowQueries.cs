using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Inventory;

namespace Sharekeep.Storage.Stores;

/// <summary>
/// The inventory's filters and keyset order, written once for both link tables: share and file link rows share
/// the column names Created, Expires and Revoked, and each has a unique text key (a share's Id, a file link's Key).
/// Values go in as captured fields, so the database sees parameters, not literals.
/// </summary>
internal sealed class LinkRowQueries<TRow>(LinkTable table, string keyColumn)
    where TRow : class
{
    private const string Created = nameof(Entities.ShareRow.Created);
    private const string Expires = nameof(Entities.ShareRow.Expires);
    private const string Revoked = nameof(Entities.ShareRow.Revoked);

    private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    private enum Segment
    {
        Created,
        Expiring,
        NeverExpiring,
    }

    /// <summary>The filters both tables have: state, and when links were made and expire.</summary>
    public static IQueryable<TRow> Common(IQueryable<TRow> rows, LinkFilter filter, DateTimeOffset now)
    {
        if (filter.States is { } states && States(states, now) is { } state)
        {
            rows = rows.Where(state);
        }
        rows = Bound(rows, Created, ExpressionType.GreaterThan, filter.CreatedAfter);
        rows = Bound(rows, Created, ExpressionType.LessThan, filter.CreatedBefore);
        rows = Bound(rows, Expires, ExpressionType.GreaterThan, filter.ExpiresAfter);
        rows = Bound(rows, Expires, ExpressionType.LessThan, filter.ExpiresBefore);
        if (filter.ExpiresOtherThan is { } other)
        {
            rows = rows.Where(Lambda(r => Expression.OrElse(IsNull(r, Expires), Expression.NotEqual(Column(r, Expires), Value<DateTimeOffset?>(other)))));
        }
        return rows;
    }

    /// <summary>
    /// The rows after the query's position in its order, searched for text (<paramref name="text"/>) among at most
    /// <paramref name="window"/> of them when a window is given; at most the limit plus one, projected.
    /// </summary>
    public async Task<LinkSlice> SliceAsync(
        IQueryable<TRow> filtered,
        LinkQuery query,
        int? window,
        Func<IQueryable<TRow>, IQueryable<TRow>> text,
        Func<IQueryable<TRow>, IQueryable<InventoryLink>> project,
        CancellationToken cancellationToken)
    {
        var found = new List<InventoryLink>();
        var take = query.Limit + 1;
        var segments = SegmentsOf(query.Sort);
        var from = query.After is { } after ? Array.IndexOf(segments, SegmentOf(after)) : 0;
        var budget = window;
        LinkPosition? frontier = null;
        for (var i = from; i < segments.Length && found.Count < take && frontier is null; i++)
        {
            var rows = Order(Restrict(filtered, segments[i]), segments[i], query.Sort);
            if (i == from && query.After is { } position)
            {
                rows = Order(After(Restrict(filtered, segments[i]), segments[i], position), segments[i], query.Sort);
            }
            if (budget is not { } examined)
            {
                found.AddRange(await project(rows).Take(take - found.Count).ToListAsync(cancellationToken));
                continue;
            }
            if (await rows.Skip(examined - 1).FirstOrDefaultAsync(cancellationToken) is { } last)
            {
                frontier = PositionOf(last, query.Sort);
            }
            else
            {
                budget = examined - await rows.Take(examined).CountAsync(cancellationToken);
            }
            found.AddRange(await project(Order(text(rows.Take(examined)), segments[i], query.Sort)).Take(take - found.Count).ToListAsync(cancellationToken));
        }
        return new LinkSlice(found, frontier);
    }

    private LinkPosition PositionOf(TRow row, LinkSort sort)
    {
        var value = LinkOrder.IsByExpiry(sort) ? (DateTimeOffset?)Get(row, Expires) : (DateTimeOffset)Get(row, Created)!;
        return new LinkPosition(sort, value, table, (string)Get(row, keyColumn)!);
    }

    private static object? Get(TRow row, string column) => typeof(TRow).GetProperty(column)!.GetValue(row);

    private static Segment[] SegmentsOf(LinkSort sort) => sort switch
    {
        LinkSort.ExpiresAscending => [Segment.Expiring, Segment.NeverExpiring],
        LinkSort.ExpiresDescending => [Segment.NeverExpiring, Segment.Expiring],
        _ => [Segment.Created],
    };

    private static Segment SegmentOf(LinkPosition position) =>
        !LinkOrder.IsByExpiry(position.Sort) ? Segment.Created : position.Value is null ? Segment.NeverExpiring : Segment.Expiring;

    private static IQueryable<TRow> Restrict(IQueryable<TRow> rows, Segment segment) => segment switch
    {
        Segment.Expiring => rows.Where(Lambda(r => Expression.Not(IsNull(r, Expires)))),
        Segment.NeverExpiring => rows.Where(Lambda(r => IsNull(r, Expires))),
        _ => rows,
    };

    private IQueryable<TRow> Order(IQueryable<TRow> rows, Segment segment, LinkSort sort)
    {
        var descending = LinkOrder.IsDescending(sort);
        var key = KeySelector();
        if (segment == Segment.NeverExpiring)
        {
            return descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        }
        IOrderedQueryable<TRow> ordered = segment == Segment.Created
            ? (descending ? rows.OrderByDescending(Selector<DateTimeOffset>(Created)) : rows.OrderBy(Selector<DateTimeOffset>(Created)))
            : (descending ? rows.OrderByDescending(Selector<DateTimeOffset?>(Expires)) : rows.OrderBy(Selector<DateTimeOffset?>(Expires)));
        return descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
    }

    /// <summary>
    /// Rows strictly after <paramref name="position"/>: a later value; or the same value and a later table; or the
    /// same value and table and a later key. "Later" is reversed in a descending sort.
    /// </summary>
    private IQueryable<TRow> After(IQueryable<TRow> rows, Segment segment, LinkPosition position)
    {
        var descending = LinkOrder.IsDescending(position.Sort);
        var later = descending ? ExpressionType.LessThan : ExpressionType.GreaterThan;
        var tableLater = descending ? table < position.Table : table > position.Table;
        var keyLater = (Func<ParameterExpression, Expression>)(r => Expression.MakeBinary(
            later, Expression.Call(StringCompare, Column(r, keyColumn), Value(position.Key)), Expression.Constant(0)));
        if (segment == Segment.NeverExpiring)
        {
            return table == position.Table ? rows.Where(Lambda(keyLater)) : tableLater ? rows : rows.Where(_ => false);
        }
        var column = segment == Segment.Created ? Created : Expires;
        var value = segment == Segment.Created ? Value((DateTimeOffset)position.Value!) : Value(position.Value);
        Expression Compare(ParameterExpression r, ExpressionType op) => Expression.MakeBinary(op, Column(r, column), value);
        if (table != position.Table)
        {
            var inclusive = tableLater ? (descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual) : later;
            return rows.Where(Lambda(r => Compare(r, inclusive)));
        }
        // The leading "value at or after" says nothing new, but it is what lets a planner seek the (value, key)
        // index to the position instead of filtering from the start: PostgreSQL does not turn the OR into a range.
        var atOrLater = descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual;
        return rows.Where(Lambda(r => Expression.AndAlso(
            Compare(r, atOrLater),
            Expression.OrElse(
                Compare(r, later),
                Expression.AndAlso(Compare(r, ExpressionType.Equal), keyLater(r))))));
    }

    private static Expression<Func<TRow, bool>>? States(IReadOnlySet<LinkState> states, DateTimeOffset now)
    {
        var active = states.Contains(LinkState.Active);
        var expired = states.Contains(LinkState.Expired);
        var revoked = states.Contains(LinkState.Revoked);
        Expression ExpiredAt(ParameterExpression r) => Expression.LessThanOrEqual(Column(r, Expires), Value<DateTimeOffset?>(now));
        Expression Live(ParameterExpression r) => Expression.Not(ExpiredAt(r));
        return (active, expired, revoked) switch
        {
            (true, true, true) => null,
            (true, true, false) => Lambda(r => IsNull(r, Revoked)),
            (true, false, false) => Lambda(r => Expression.AndAlso(IsNull(r, Revoked), Expression.OrElse(IsNull(r, Expires), Live(r)))),
            (false, true, false) => Lambda(r => Expression.AndAlso(IsNull(r, Revoked), ExpiredAt(r))),
            (false, false, true) => Lambda(r => Expression.Not(IsNull(r, Revoked))),
            (true, false, true) => Lambda(r => Expression.OrElse(Expression.Not(IsNull(r, Revoked)), Expression.OrElse(IsNull(r, Expires), Live(r)))),
            (false, true, true) => Lambda(r => Expression.OrElse(Expression.Not(IsNull(r, Revoked)), ExpiredAt(r))),
            _ => Lambda(_ => Expression.Constant(false)),
        };
    }

    private static IQueryable<TRow> Bound(IQueryable<TRow> rows, string column, ExpressionType op, DateTimeOffset? bound) =>
        bound is not { } value ? rows
        : column == Created ? rows.Where(Lambda(r => Expression.MakeBinary(op, Column(r, column), Value(value))))
        : rows.Where(Lambda(r => Expression.MakeBinary(op, Column(r, column), Value<DateTimeOffset?>(value))));

    private Expression<Func<TRow, string>> KeySelector() => Selector<string>(keyColumn);

    private static Expression<Func<TRow, T>> Selector<T>(string column)
    {
        var r = Expression.Parameter(typeof(TRow), "r");
        return Expression.Lambda<Func<TRow, T>>(Column(r, column), r);
    }

    private static Expression<Func<TRow, bool>> Lambda(Func<ParameterExpression, Expression> body)
    {
        var r = Expression.Parameter(typeof(TRow), "r");
        return Expression.Lambda<Func<TRow, bool>>(body(r), r);
    }

    private static MemberExpression Column(ParameterExpression row, string column) => Expression.Property(row, column);

    private static BinaryExpression IsNull(ParameterExpression row, string column) =>
        Expression.Equal(Column(row, column), Expression.Constant(null, typeof(DateTimeOffset?)));

    /// <summary>A captured value, which EF Core sends as a parameter.</summary>
    private static MemberExpression Value<T>(T value) => Expression.Field(Expression.Constant(new Captured<T>(value)), nameof(Captured<T>.Value));

    private sealed class Captured<T>(T value)
    {
        public readonly T Value = value;
    }
}
