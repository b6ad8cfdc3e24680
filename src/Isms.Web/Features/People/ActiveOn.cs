using System.Linq.Expressions;

namespace Isms.Web.Features.People;

/// The one database form of "in scope on a day" (Isms.Core's ActivePeriod.IsActiveOn), so that the
/// lists, counts and filters can never disagree about who is active.
public static class ActiveOn
{
    public static Expression<Func<Person, bool>> Day(DateOnly day) =>
        p => p.ActiveFrom <= day && (p.ActiveTo == null || p.ActiveTo >= day);

    public static IQueryable<Person> WhereActiveOn(this IQueryable<Person> people, DateOnly day) => people.Where(Day(day));

    public static IQueryable<Person> WhereInactiveOn(this IQueryable<Person> people, DateOnly day)
    {
        var active = Day(day);
        return people.Where(Expression.Lambda<Func<Person, bool>>(Expression.Not(active.Body), active.Parameters));
    }
}
