import ITSSDomain

extension Fixtures {
    /// A profile of V3 Service Desk without "Staffing", with the company's own "Chat Support" (levels 3 and 4).
    public static func helpDeskProfile(name: String = "ACME Help Desk") -> TailoringProfile {
        TailoringProfile(
            name: name, standard: StandardKey(name: "IT Service Management", version: "V3 2008"),
            fields: [
                FieldTailoring(
                    field: "Service Desk", items: [ItemTailoring(item: "Staffing", exclude: Exclusion(reason: "HR staffs desks"))],
                    companyItems: [
                        CompanyItem(
                            name: "Chat Support", reason: "we run chat",
                            levels: [CompanyLevel(level: 3, text: "Answers chats"), CompanyLevel(level: 4, text: "Leads the chat team")],
                            knowledgeItems: ["Chat tools"])
                    ])
            ])
    }
}
