/// Names for demo people and units, from small lists: English names and romanised Japanese ones built from
/// syllables, so that a large organisation has varied yet plausible names.
enum DemoNames {
    static let familyJapanese = [
        "Sato", "Suzuki", "Takahashi", "Tanaka", "Ito", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato",
        "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue", "Kimura", "Hayashi", "Shimizu", "Mori",
    ]
    static let familyEnglish = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans", "Thomas", "Walker",
        "Wright", "Green", "Hall", "Clarke",
    ]
    static let givenEnglish = [
        "Alice", "Ben", "Chloe", "Daniel", "Emma", "George", "Hannah", "Jack", "Lucy", "Oliver", "Grace", "Sam",
        "Ruth", "Tom", "Mia", "Leo",
    ]
    static let syllables = [
        "ha", "ru", "ki", "yu", "mi", "na", "ta", "ka", "shi", "ro", "ko", "sa", "to", "ai", "ri", "ke", "no", "yo",
    ]
    static let endings = ["ko", "ka", "ta", "to", "ya", "ki", "mi", "suke", "hiro", "nori"]
    static let unitThemes = [
        "Service Operations", "Infrastructure", "Customer Support", "Platform", "Network Services", "Data Centre",
        "Applications Support", "Cloud Operations", "Security Operations", "Field Services",
    ]
    static let places = ["Tokyo", "Osaka", "Nagoya", "Fukuoka", "Sapporo", "Sendai", "London", "Singapore", "Yokohama", "Kobe"]
    static let customers = [
        "Kanto Logistics", "Sakura Bank", "Minato Retail", "Hikari Telecom", "Northwind Insurance", "Fuji Health",
        "Aoba City Office", "Contoso Manufacturing", "Tsubame Airlines", "Kawa Energy",
    ]

    /// A full name and the local part of an e-mail address.
    static func person(_ random: inout SplitMix64) -> (name: String, mail: String) {
        if random.chance(70) {
            var given = ""
            for _ in 0..<random.int(1...2) { given += random.pick(syllables) }
            given += random.pick(endings)
            given = given.prefix(1).uppercased() + given.dropFirst()
            let family = random.pick(familyJapanese)
            return ("\(family) \(given)", "\(given).\(family)".lowercased())
        }
        let given = random.pick(givenEnglish)
        let family = random.pick(familyEnglish)
        return ("\(given) \(family)", "\(given).\(family)".lowercased())
    }
}
