using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Procurement.Features.Evaluation.Demonstrations;

/// <summary>
/// .ics files for the committee's calendars: one per slot (to send with an invitation) and one for the whole schedule.
/// Times are written in UTC so every calendar client shows them in its own zone without a VTIMEZONE block.
/// </summary>
public static class DemonstrationCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string ForSlot(EvaluationView view, string caseTitle, Guid slotId, DateTimeOffset stamp)
    {
        var slot = view.Demonstrations.FirstOrDefault(s => s.SlotId == slotId) ?? throw new KeyNotFoundException("デモンストレーションの予定が見つかりません。");
        return Serialize(caseTitle, [slot], view, stamp);
    }

    public static string ForSchedule(EvaluationView view, string caseTitle, DateTimeOffset stamp) => Serialize(caseTitle, view.Demonstrations, view, stamp);

    private static string Serialize(string caseTitle, IEnumerable<DemonstrationSlot> slots, EvaluationView view, DateTimeOffset stamp)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Procurement//Evaluation//JA" };
        calendar.AddProperty("X-WR-CALNAME", $"{caseTitle} デモンストレーション");
        var scenario = view.DemonstrationScenario.Count == 0
            ? ""
            : "\n\nデモンストレーション項目:\n" + string.Join("\n", view.DemonstrationScenario.Select(i => $"・{i.Id} {i.Name}"));
        foreach (var slot in slots)
        {
            var vendor = view.Vendors.FirstOrDefault(v => v.VendorId == slot.VendorId)?.Name ?? "（事業者不明）";
            calendar.Events.Add(new CalendarEvent
            {
                // Stable per slot, so a re-sent file updates the entry instead of adding a second one.
                Uid = $"{slot.SlotId:N}@procurement",
                Summary = $"デモンストレーション: {vendor}",
                Location = slot.Place,
                Description = $"{caseTitle}\n事業者: {vendor}\n出席者の上限: {slot.AttendeeCap.ToString(CultureInfo.InvariantCulture)}名"
                    + (string.IsNullOrEmpty(slot.Notes) ? "" : "\n" + slot.Notes) + scenario,
                Start = new CalDateTime(slot.Start.UtcDateTime),
                End = new CalDateTime(slot.End.UtcDateTime),
                DtStamp = new CalDateTime(stamp.UtcDateTime),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
