//! The crisis alerts' texts: only the alerts bundle carries them.

super::messages! {
    /// A crisis-alerts text.
    Alerts {
        Title => "Ostrzeżenia kryzysowe", "Crisis alerts", "Кризові попередження";
        Lead => "Komunikaty gminnego zespołu zarządzania kryzysowego. Zapisz się, a ostrzeżenia dla Twojej okolicy przyjdą SMS-em lub e-mailem — bezpłatnie.",
            "Messages of the gmina's crisis team. Subscribe and alerts for your area arrive by SMS or e-mail — free of charge.",
            "Повідомлення кризової групи гміни. Підпишіться, і попередження для вашої місцевості надходитимуть SMS або електронною поштою — безкоштовно.";
        NoneInForce => "Nie ma teraz żadnych ostrzeżeń.", "There are no alerts in force.", "Зараз немає жодних попереджень.";
        InForce => "Obowiązujące ostrzeżenia", "Alerts in force", "Чинні попередження";
        WholeGmina => "Cała gmina", "The whole gmina", "Уся гміна";
        Area => "Obszar", "Area", "Територія";
        Valid => "Ważne", "Valid", "Дійсне";
        ValidRange => "od {from} do {to}", "from {from} to {to}", "з {from} до {to}";
        Subscribe => "Zapisz się na powiadomienia", "Subscribe to notifications", "Підписатися на сповіщення";
        SubscribeLead => "Bez zakładania konta. Potwierdzisz adres linkiem w e-mailu lub kodem z SMS-a; z każdej wiadomości wypiszesz się jednym kliknięciem.",
            "No account needed. You confirm by a link in the e-mail or a code by SMS; every message has a one-click unsubscribe link.",
            "Обліковий запис не потрібен. Підтвердіть посиланням у листі або кодом із SMS; у кожному повідомленні є посилання для відписки одним кліком.";
        Email => "Adres e-mail", "E-mail address", "Електронна адреса";
        Phone => "Numer telefonu komórkowego", "Mobile phone number", "Номер мобільного телефону";
        PhoneHint => "Polski numer, np. 600 100 200.", "A Polish number, e.g. 600 100 200.", "Польський номер, напр. 600 100 200.";
        Areas => "Obszary (nic nie zaznaczone — cała gmina)", "Areas (none ticked: the whole gmina)", "Території (нічого не позначено — уся гміна)";
        Categories => "Rodzaje zagrożeń (nic nie zaznaczone — wszystkie)", "Kinds of threat (none ticked: all)", "Види загроз (нічого не позначено — усі)";
        MessagesIn => "Język wiadomości", "Language of messages", "Мова повідомлень";
        Send => "Zapisz mnie", "Subscribe me", "Підписати мене";
        LinkSent => "Wysłaliśmy link potwierdzający na podany adres e-mail.", "We sent a confirmation link to the e-mail address.", "Ми надіслали посилання для підтвердження на електронну адресу.";
        CodeSent => "Wysłaliśmy SMS z kodem na numer {phone}. Wpisz go poniżej.", "We sent an SMS with a code to {phone}. Type it below.", "Ми надіслали SMS з кодом на номер {phone}. Введіть його нижче.";
        Code => "Kod z SMS-a (6 cyfr)", "Code from the SMS (6 digits)", "Код із SMS (6 цифр)";
        ConfirmCode => "Potwierdź numer", "Confirm the number", "Підтвердити номер";
        Confirmed => "Gotowe: {address} będzie otrzymywać ostrzeżenia.", "Done: {address} will receive alerts.", "Готово: {address} отримуватиме попередження.";
        Confirming => "Potwierdzanie…", "Confirming…", "Підтвердження…";
        LinkInvalid => "Ten link jest nieważny lub wygasł. Zapisz się ponownie.", "This link is invalid or has expired. Subscribe again.", "Посилання недійсне або застаріле. Підпишіться ще раз.";
        Unsubscribe => "Wypisz mnie z ostrzeżeń", "Unsubscribe me from alerts", "Відписати мене від попереджень";
        UnsubscribeLead => "Po wypisaniu nie dostaniesz już ostrzeżeń na ten adres. Możesz zapisać się ponownie w każdej chwili.",
            "After unsubscribing you get no more alerts at this address. You may subscribe again at any time.",
            "Після відписки ви більше не отримуватимете попереджень на цю адресу. Підписатися знову можна будь-коли.";
        Unsubscribed => "Wypisano: {address} nie będzie już otrzymywać ostrzeżeń.", "Unsubscribed: {address} will get no more alerts.", "Відписано: {address} більше не отримуватиме попереджень.";
        Feed => "Kanał CAP 1.2 dla systemów i mediów", "CAP 1.2 feed for systems and media", "Канал CAP 1.2 для систем і медіа";
        Team => "Konsola zespołu kryzysowego", "Crisis team console", "Консоль кризової групи";
        NewAlert => "Nowe ostrzeżenie", "New alert", "Нове попередження";
        Severity => "Stopień zagrożenia", "Severity", "Ступінь загрози";
        Category => "Rodzaj zagrożenia", "Kind of threat", "Вид загрози";
        From => "Od (puste — od teraz)", "From (empty: now)", "З (порожнє — від зараз)";
        To => "Do", "Until", "До";
        HeadlinePl => "Tytuł (po polsku)", "Headline (Polish)", "Заголовок (польською)";
        TextPl => "Treść (po polsku)", "Text (Polish)", "Текст (польською)";
        HeadlineEn => "Tytuł po angielsku (opcjonalnie)", "Headline in English (optional)", "Заголовок англійською (необов'язково)";
        TextEn => "Treść po angielsku (opcjonalnie)", "Text in English (optional)", "Текст англійською (необов'язково)";
        HeadlineUk => "Tytuł po ukraińsku (opcjonalnie)", "Headline in Ukrainian (optional)", "Заголовок українською (необов'язково)";
        TextUk => "Treść po ukraińsku (opcjonalnie)", "Text in Ukrainian (optional)", "Текст українською (необов'язково)";
        SmsText => "Treść SMS", "SMS text", "Текст SMS";
        SmsCount => "{chars} znaków, {parts} SMS (z linkiem wypisania; najwięcej {max})", "{chars} characters, {parts} SMS (with the unsubscribe link; at most {max})", "{chars} символів, {parts} SMS (з посиланням для відписки; щонайбільше {max})";
        Issue => "Wyślij ostrzeżenie", "Send the alert", "Надіслати попередження";
        Issued => "Ostrzeżenie wysłane do kolejki.", "The alert is queued.", "Попередження поставлено в чергу.";
        Delivery => "Doręczenia", "Deliveries", "Доставка";
        Channel => "Kanał", "Channel", "Канал";
        Queued => "w kolejce", "queued", "у черзі";
        Sent => "wysłane", "sent", "надіслано";
        Failed => "nieudane", "failed", "не вдалося";
        CancelledCount => "wstrzymane", "stopped", "зупинено";
        EndNow => "Zakończ teraz", "End now", "Завершити зараз";
        Ended => "zakończone", "ended", "завершено";
        IssuedBy => "Wydał(a): {name}, {time}", "Issued by {name}, {time}", "Видав(ла): {name}, {time}";
        Recipients => "Odbiorcy", "Recipients", "Отримувачі";
        RecipientsOf => "Odbiorcy ostrzeżenia", "Recipients of the alert", "Отримувачі попередження";
        RecipientsLead => "Każde doręczenie osobno, nieudane najpierw; adresy częściowo ukryte. Odświeża się co 2 sekundy.",
            "Each delivery on its own, failed first; addresses partly hidden. Refreshes every 2 seconds.",
            "Кожна доставка окремо, невдалі спочатку; адреси частково приховані. Оновлюється кожні 2 секунди.";
        Address => "Adres", "Address", "Адреса";
        State => "Stan", "Status", "Стан";
        Attempts => "Próby", "Tries", "Спроби";
        LastError => "Ostatni błąd", "Last error", "Остання помилка";
        AllStates => "wszystkie", "all", "усі";
        Shown => "{from}–{to} z {total}", "{from}–{to} of {total}", "{from}–{to} з {total}";
        Previous => "Poprzednie", "Previous", "Попередні";
        Next => "Następne", "Next", "Наступні";
        BackToTeam => "Wróć do konsoli", "Back to the console", "Назад до консолі";
        TeamOnly => "Ta strona jest dla zespołu zarządzania kryzysowego.", "This page is for the crisis team.", "Ця сторінка для кризової групи.";
    }
}
