using System.Linq.Expressions;

namespace Isms.Web.Features.ServiceDesk;

/// The open forms (every status but finished and cancelled) as queries test them, the same way in
/// every query. EF still writes the test as `NOT IN (…)` when it stands alone and as two `<>` terms
/// inside a longer condition; the partial index of the open forms has the second form, the one of
/// the achievement's query, and SQLite uses a partial index only when the query holds its condition
/// term for term (OpenFormsIndexTests checks that it does). PostgreSQL proves either form.
public static class OpenForms
{
    private static readonly Expression<Func<QaForm, bool>> OpenOnly = f => f.Status != QaFormStatus.Finished && f.Status != QaFormStatus.Cancelled;

    private static readonly Expression<Func<QaForm, bool>> ClosedOnly = f => f.Status == QaFormStatus.Finished || f.Status == QaFormStatus.Cancelled;

    public static IQueryable<QaForm> Open(this IQueryable<QaForm> forms) => forms.Where(OpenOnly);

    public static IQueryable<QaForm> Closed(this IQueryable<QaForm> forms) => forms.Where(ClosedOnly);
}
