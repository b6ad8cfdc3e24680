using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Isms.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QaFormsAndCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarYear",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    SourceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYear", x => x.Year);
                    table.ForeignKey(
                        name: "FK_CalendarYear_AspNetUsers_ImportedById",
                        column: x => x.ImportedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfficeClosure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeclarationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    From = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeclaredById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeClosure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficeClosure_AspNetUsers_DeclaredById",
                        column: x => x.DeclaredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QaCategory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaCategory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceDeskSetting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    PauseWhileWaiting = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReopenDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AtRiskHours = table.Column<int>(type: "INTEGER", nullable: false),
                    DeskUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedById = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceDeskSetting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceDeskSetting_Unit_DeskUnitId",
                        column: x => x.DeskUnitId,
                        principalTable: "Unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaForm",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    RequesterId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Module = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HandlingUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClockLocation = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    PauseWhileWaiting = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MissingCalendarYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AssigneeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AtRiskNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    VendorId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaForm", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaForm_Person_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_Person_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_QaCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "QaCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_Unit_HandlingUnitId",
                        column: x => x.HandlingUnitId,
                        principalTable: "Unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QaForm_Unit_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "Unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaAttachment_QaForm_FormId",
                        column: x => x.FormId,
                        principalTable: "QaForm",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaComment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Internal = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaComment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaComment_QaForm_FormId",
                        column: x => x.FormId,
                        principalTable: "QaForm",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QaPause",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QaPause", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QaPause_QaForm_FormId",
                        column: x => x.FormId,
                        principalTable: "QaForm",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarYear_ImportedById",
                table: "CalendarYear",
                column: "ImportedById");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeClosure_DeclarationId",
                table: "OfficeClosure",
                column: "DeclarationId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeClosure_DeclaredById",
                table: "OfficeClosure",
                column: "DeclaredById");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeClosure_Location_Date",
                table: "OfficeClosure",
                columns: new[] { "Location", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_Reason_To",
                table: "OutgoingMails",
                columns: new[] { "Reason", "To" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMails_SentAt_NextAttemptAt",
                table: "OutgoingMails",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaAttachment_FormId",
                table: "QaAttachment",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_QaCategory_Code",
                table: "QaCategory",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaComment_FormId",
                table: "QaComment",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_AssigneeId",
                table: "QaForm",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_CategoryId",
                table: "QaForm",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_HandlingUnitId",
                table: "QaForm",
                column: "HandlingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Number",
                table: "QaForm",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_OwnerUnitId_Classification",
                table: "QaForm",
                columns: new[] { "OwnerUnitId", "Classification" });

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_RequesterId",
                table: "QaForm",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Status_DueAt",
                table: "QaForm",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Year_Month_CategoryId_AssigneeId_Status_OnTime_PausedSince_DueAt",
                table: "QaForm",
                columns: new[] { "Year", "Month", "CategoryId", "AssigneeId", "Status", "OnTime", "PausedSince", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QaForm_Year_Sequence",
                table: "QaForm",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QaPause_FormId",
                table: "QaPause",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeskSetting_DeskUnitId",
                table: "ServiceDeskSetting",
                column: "DeskUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDeskSetting_EffectiveFrom",
                table: "ServiceDeskSetting",
                column: "EffectiveFrom");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarYear");

            migrationBuilder.DropTable(
                name: "OfficeClosure");

            migrationBuilder.DropTable(
                name: "OutgoingMails");

            migrationBuilder.DropTable(
                name: "QaAttachment");

            migrationBuilder.DropTable(
                name: "QaComment");

            migrationBuilder.DropTable(
                name: "QaPause");

            migrationBuilder.DropTable(
                name: "ServiceDeskSetting");

            migrationBuilder.DropTable(
                name: "QaForm");

            migrationBuilder.DropTable(
                name: "QaCategory");
        }
    }
}
