//! The taxes area's texts: only the taxes bundle carries them.

super::messages! {
    /// A taxes-and-fees text.
    Taxes {
        NoTaxpayer => "W tej gminie nie masz podatków ani opłat do wyświetlenia.",
            "You have no taxes or fees to show in this gmina.",
            "У цій гміні у вас немає податків чи зборів для показу.";
        LoginFirst => "Zaloguj się, aby zobaczyć swoje podatki i opłaty.", "Log in to see your taxes and fees.", "Увійдіть, щоб побачити свої податки та збори.";
        Taxpayer => "Podatnik", "Taxpayer", "Платник";
        BalanceOn => "Saldo na dzień {date}", "Balance on {date}", "Сальдо на {date}";
        Overdue => "Zaległość", "Overdue", "Заборгованість";
        Interest => "Odsetki za zwłokę", "Interest on arrears", "Пеня";
        ToPayNow => "Do zapłaty, aby uregulować zaległość", "To pay to settle the arrears", "Сплатити, щоб погасити заборгованість";
        NothingOverdue => "Brak zaległości.", "Nothing overdue.", "Заборгованості немає.";
        NextDue => "Najbliższa rata", "Next instalment", "Найближчий внесок";
        NextDueText => "{amount} do {date}", "{amount} by {date}", "{amount} до {date}";
        NoneDue => "brak", "none", "немає";
        Upcoming => "Razem raty przyszłe", "All instalments still to come", "Усі майбутні внески";
        Overpayment => "Nadpłata", "Overpayment", "Переплата";
        InterestOn => "Policz odsetki na dzień zapłaty", "Interest for a payment date", "Пеня на дату оплати";
        InterestOnHint => "Odsetki rosną z każdym dniem zwłoki. Wybierz dzień, w którym zapłacisz.",
            "Interest grows with each day of delay. Choose the day you will pay.",
            "Пеня зростає з кожним днем прострочення. Виберіть день оплати.";
        PaymentDay => "Dzień zapłaty", "Payment day", "День оплати";
        Recalculate => "Przelicz", "Recalculate", "Перерахувати";
        Account => "Twój indywidualny numer rachunku", "Your individual account number", "Ваш індивідуальний номер рахунку";
        AccountLead => "Wpłaty na ten rachunek są przypisywane do Twoich zobowiązań automatycznie.",
            "Payments to this account are matched to your liabilities automatically.",
            "Платежі на цей рахунок автоматично зараховуються на ваші зобов'язання.";
        PayNow => "Zapłać teraz {amount}", "Pay {amount} now", "Сплатити зараз {amount}";
        PayNext => "Zapłać najbliższą ratę {amount}", "Pay the next instalment {amount}", "Сплатити найближчий внесок {amount}";
        PaymentDone => "Płatność przyjęta. Saldo uwzględnia już wpłatę.", "Payment received. The balance includes it.", "Платіж прийнято. Сальдо вже його враховує.";
        PaymentCancelled => "Płatność anulowana — nic nie pobrano.", "Payment cancelled — nothing was charged.", "Платіж скасовано — нічого не списано.";
        Statement => "Pobierz wyciąg (CSV)", "Download the statement (CSV)", "Завантажити виписку (CSV)";
        Calendar => "Kalendarz terminów (iCalendar) — dodaj ten adres do swojego kalendarza, a przypomni o racie 3 dni przed terminem",
            "Due dates calendar (iCalendar) — add this address to your calendar and it reminds you 3 days before each instalment",
            "Календар термінів (iCalendar) — додайте цю адресу до свого календаря, і він нагадає за 3 дні до кожного внеску";
        Reminders => "Przypominaj mi e-mailem tydzień przed terminem każdej raty", "E-mail me a week before each instalment is due", "Нагадувати мені електронною поштою за тиждень до кожного внеску";
        RemindersSaved => "Zapisano ustawienie przypomnień.", "Reminder setting saved.", "Налаштування нагадувань збережено.";
        QrNoAmount => "Kwota przekracza to, co mieści kod QR (9 999,99 zł) — wpisz ją w aplikacji banku.",
            "The amount is more than the QR code holds (9 999,99 zł) — enter it in your banking app.",
            "Сума перевищує ліміт QR-коду (9 999,99 зл) — введіть її в банківському застосунку.";
        Copy => "Kopiuj numer", "Copy the number", "Копіювати номер";
        Copied => "Skopiowano numer rachunku.", "Account number copied.", "Номер рахунку скопійовано.";
        QrAlt => "Kod QR przelewu na kwotę do zapłaty (standard ZBP) — zeskanuj w aplikacji banku.",
            "QR transfer code for the amount to pay (ZBP standard) — scan it in your banking app.",
            "QR-код переказу на суму до сплати (стандарт ZBP) — відскануйте в банківському застосунку.";
        Assessments => "Decyzje i raty", "Assessments and instalments", "Рішення та внески";
        Decision => "Decyzja {number} z {date}", "Decision {number} of {date}", "Рішення {number} від {date}";
        YearAmount => "Kwota roczna: {amount}", "Year's amount: {amount}", "Річна сума: {amount}";
        Objects => "Przedmioty opodatkowania", "What is taxed", "Об'єкти оподаткування";
        Base => "Podstawa", "Base", "База";
        Rate => "Stawka", "Rate", "Ставка";
        Amount => "Kwota", "Amount", "Сума";
        InstalmentsOf => "Raty: {what}", "Instalments: {what}", "Внески: {what}";
        Number => "Rata", "Instalment", "Внесок";
        DueOn => "Termin", "Due", "Термін";
        Paid => "Zapłacono", "Paid", "Сплачено";
        Left => "Pozostało", "Left", "Залишок";
        State => "Stan", "Status", "Стан";
        StatusPaid => "zapłacona", "paid", "сплачено";
        StatusOverdue => "zaległa", "overdue", "прострочено";
        StatusDueSoon => "wkrótce termin", "due soon", "скоро термін";
        StatusUpcoming => "przyszła", "upcoming", "майбутній";
        Payments => "Wpłaty", "Payments", "Платежі";
        NoPayments => "Brak wpłat.", "No payments.", "Платежів немає.";
        PaidOn => "Data wpłaty", "Date paid", "Дата оплати";
        Allocation => "Zaliczono", "Allocated", "Зараховано";
        AllocationText => "należność {principal}, odsetki {interest}", "principal {principal}, interest {interest}", "основна сума {principal}, пеня {interest}";
        KindProperty => "Podatek od nieruchomości", "Property tax", "Податок на нерухомість";
        KindAgricultural => "Podatek rolny", "Agricultural tax", "Сільськогосподарський податок";
        KindForest => "Podatek leśny", "Forest tax", "Лісовий податок";
        KindJoint => "Łączne zobowiązanie pieniężne", "Joint liability", "Спільне грошове зобов'язання";
        KindVehicle => "Podatek od środków transportowych", "Vehicle tax", "Податок на транспортні засоби";
        KindWaste => "Opłata za gospodarowanie odpadami", "Waste management fee", "Плата за поводження з відходами";
        KindDog => "Opłata od posiadania psów", "Dog fee", "Збір за утримання собак";
        InterestNote => "Odsetki liczymy za każdy dzień zwłoki według stawki obowiązującej w danym dniu i zaokrąglamy do pełnych złotych; odsetek poniżej ustawowego minimum się nie pobiera (Ordynacja podatkowa art. 53–56, 63).",
            "Interest is computed for each day of delay at the rate in force that day and rounded to full złoty; interest below the statutory minimum is not charged (Tax Ordinance art. 53–56, 63).",
            "Пеня нараховується за кожен день прострочення за ставкою, чинною того дня, і округлюється до повних злотих; пеня нижче встановленого мінімуму не стягується (Податковий кодекс ст. 53–56, 63).";
    }
}
