//! The portal's interface texts.

super::messages! {
    /// An interface text.
    Msg {
        AppName => "Okienko", "Okienko", "Okienko";
        SkipToContent => "Przejdź do treści", "Skip to content", "Перейти до змісту";
        Loading => "Ładowanie…", "Loading…", "Завантаження…";
        Sending => "Wysyłanie…", "Sending…", "Надсилання…";
        TryAgain => "Spróbuj ponownie", "Try again", "Спробувати ще раз";
        NavHome => "Strona główna", "Home", "Головна";
        NavCases => "Sprawy", "Cases", "Справи";
        NavTaxes => "Podatki i opłaty", "Taxes and fees", "Податки та збори";
        NavCivicBudget => "Budżet obywatelski", "Civic budget", "Громадський бюджет";
        NavSchool => "Szkoła", "School", "Школа";
        NavPublicInfo => "Informacja publiczna", "Public information", "Публічна інформація";
        NavOffice => "Panel urzędnika", "Clerk's desk", "Панель службовця";
        OfficeNotBuilt => "Panel urzędnika nie jest zbudowany w tej instalacji (cargo xtask run buduje go).",
            "The clerk's desk is not built in this installation (cargo xtask run builds it).",
            "Панель службовця не зібрано в цій інсталяції (cargo xtask run збирає її).";
        CivicNotBuilt => "Budżet obywatelski nie jest zbudowany w tej części portalu (cargo xtask run buduje go).",
            "The civic budget is not built into this part of the portal (cargo xtask run builds it).",
            "Громадський бюджет не зібрано в цій частині порталу (cargo xtask run збирає його).";
        NavAlerts => "Alerty", "Alerts", "Сповіщення";
        AlertsInForce => "Ostrzeżenia kryzysowe w gminie", "Crisis alerts in the gmina", "Кризові попередження в гміні";
        AlertsDetails => "Szczegóły i zapisy na powiadomienia", "Details and notifications", "Подробиці та підписка на сповіщення";
        AlertsValidTo => "do {time}", "until {time}", "до {time}";
        MainMenu => "Menu główne", "Main menu", "Головне меню";
        Menu => "Menu", "Menu", "Меню";
        Language => "Język", "Language", "Мова";
        LogIn => "Zaloguj się", "Log in", "Увійти";
        LogOut => "Wyloguj się", "Log out", "Вийти";
        MyAccount => "Moje konto", "My account", "Мій обліковий запис";
        CreateAccount => "Załóż konto", "Create account", "Створити обліковий запис";
        LoginTitle => "Logowanie", "Log in", "Вхід";
        AuthCode => "Kod z aplikacji uwierzytelniającej", "Code from the authenticator app", "Код із застосунку автентифікації";
        AuthSetup => "Dodaj konto w aplikacji uwierzytelniającej (np. Aegis, FreeOTP, Google Authenticator): zeskanuj kod QR, otwórz link na telefonie albo wpisz klucz, a potem wpisz kod z aplikacji.",
            "Add the account to an authenticator app (e.g. Aegis, FreeOTP, Google Authenticator): scan the QR code, open the link on the phone or type the key, then enter the app's code.",
            "Додайте обліковий запис у застосунок автентифікації (напр. Aegis, FreeOTP, Google Authenticator): відскануйте QR-код, відкрийте посилання на телефоні або введіть ключ, а потім код із застосунку.";
        AuthQr => "Kod QR klucza do zeskanowania aplikacją uwierzytelniającą", "QR code of the key, to scan with the authenticator app", "QR-код ключа для сканування застосунком автентифікації";
        AuthSetupLink => "Dodaj do aplikacji", "Add to the app", "Додати до застосунку";
        AuthKey => "Klucz", "Key", "Ключ";
        Email => "Adres e-mail", "E-mail address", "Електронна адреса";
        Password => "Hasło", "Password", "Пароль";
        NoAccount => "Nie masz jeszcze konta?", "No account yet?", "Ще немає облікового запису?";
        HaveAccount => "Masz już konto?", "Already have an account?", "Вже маєте обліковий запис?";
        Registered => "Konto zostało utworzone. Możesz się zalogować.",
            "Your account has been created. You can log in now.",
            "Обліковий запис створено. Тепер ви можете увійти.";
        RegisterTitle => "Rejestracja", "Create an account", "Реєстрація";
        RegisterLead => "Konto pozwala składać wnioski, śledzić sprawy i korzystać z usług gminy przez internet.",
            "An account lets you file applications, follow your cases and use the gmina's services online.",
            "Обліковий запис дозволяє подавати заяви, стежити за справами та користуватися послугами громади онлайн.";
        FullName => "Imię i nazwisko", "Full name", "Ім'я та прізвище";
        PeselOptional => "PESEL (opcjonalnie)", "PESEL (optional)", "PESEL (необов'язково)";
        PeselHint => "Potrzebny do spraw wymagających identyfikacji, np. podatków. Możesz go podać później.",
            "Needed for matters that require identification, such as taxes. You can add it later.",
            "Потрібен для справ, що вимагають ідентифікації, наприклад податків. Можна додати пізніше.";
        ActivateTitle => "Ustaw hasło do konta", "Set your account's password", "Встановіть пароль облікового запису";
        ActivateLead => "Szkoła lub urząd założyły dla Ciebie konto. Ustaw hasło, którym będziesz się logować razem z adresem e-mail z wiadomości.",
            "Your school or the office made an account for you. Set the password you will log in with, together with the e-mail address the message came to.",
            "Школа або установа створили для вас обліковий запис. Встановіть пароль, яким ви входитимете разом з адресою e-mail, на яку прийшов лист.";
        SetPassword => "Ustaw hasło", "Set the password", "Встановити пароль";
        Activated => "Hasło ustawione. Zaloguj się adresem e-mail z wiadomości i tym hasłem.",
            "The password is set. Log in with the e-mail address from the message and this password.",
            "Пароль встановлено. Увійдіть з адресою e-mail з листа та цим паролем.";
        PasswordHint => "Co najmniej 10 znaków.", "At least 10 characters.", "Щонайменше 10 символів.";
        HomeTitle => "Okienko — e-usługi gminy", "Okienko — the gmina's e-services", "Okienko — електронні послуги громади";
        HomeLead => "Załatwiaj sprawy urzędowe przez internet, o każdej porze: wnioski, podatki, budżet obywatelski, szkoła i informacja publiczna w jednym miejscu.",
            "Deal with the office online, at any hour: applications, taxes, the civic budget, school and public information in one place.",
            "Вирішуйте справи з урядом онлайн у будь-який час: заяви, податки, громадський бюджет, школа та публічна інформація в одному місці.";
        HomeLoginLead => "Zaloguj się, aby korzystać z usług wymagających identyfikacji.",
            "Log in to use the services that need to know who you are.",
            "Увійдіть, щоб користуватися послугами, які потребують ідентифікації.";
        Welcome => "Witaj, {name}", "Welcome, {name}", "Вітаємо, {name}";
        YourRoles => "Twoje role", "Your roles", "Ваші ролі";
        Services => "Usługi", "Services", "Послуги";
        RoleResident => "mieszkaniec", "resident", "мешканець";
        RoleClerk => "urzędnik", "clerk", "службовець";
        RoleTeacher => "nauczyciel", "teacher", "вчитель";
        RoleParent => "rodzic", "parent", "батько або мати";
        RolePupil => "uczeń", "pupil", "учень";
        RoleAdmin => "administrator", "administrator", "адміністратор";
        RoleCrisis => "zespół zarządzania kryzysowego", "crisis team", "група кризового управління";
        RoleSchoolAdmin => "sekretariat szkoły", "school office", "секретаріат школи";
        AreaCasesDesc => "Złóż wniosek, odbierz urzędowe poświadczenie odbioru (UPO) i śledź swoją sprawę aż do decyzji.",
            "File an application, get the official receipt (UPO) and follow your case until the decision.",
            "Подайте заяву, отримайте офіційне підтвердження отримання (UPO) і стежте за справою до рішення.";
        AreaTaxesDesc => "Sprawdź podatki i opłaty lokalne, raty i zaległości oraz zapłać przez internet.",
            "See your local taxes and fees, instalments and arrears, and pay online.",
            "Перегляньте місцеві податки та збори, платежі й заборгованість і сплатіть онлайн.";
        AreaCivicBudgetDesc => "Zgłaszaj projekty, głosuj i sprawdzaj wyniki budżetu obywatelskiego.",
            "Propose projects, vote and check the civic budget results.",
            "Пропонуйте проєкти, голосуйте та перевіряйте результати громадського бюджету.";
        AreaSchoolDesc => "Dziennik elektroniczny: oceny, frekwencja, plan lekcji i ogłoszenia.",
            "The e-gradebook: grades, attendance, timetable and notices.",
            "Електронний журнал: оцінки, відвідуваність, розклад і оголошення.";
        AreaPublicInfoDesc => "Budżet gminy, mienie komunalne i rejestry publiczne.",
            "The gmina's budget, municipal property and public registers.",
            "Бюджет громади, комунальне майно та публічні реєстри.";
        AreaAlertsDesc => "Ostrzeżenia kryzysowe SMS-em i e-mailem.",
            "Crisis warnings by text message and e-mail.",
            "Кризові попередження через SMS та електронну пошту.";
        InPreparation => "Ta usługa jest w przygotowaniu.", "This service is being prepared.", "Ця послуга готується.";
        AccountTitle => "Moje konto", "My account", "Мій обліковий запис";
        AccountData => "Dane konta", "Account details", "Дані облікового запису";
        Roles => "Role", "Roles", "Ролі";
        Pesel => "PESEL", "PESEL", "PESEL";
        PeselGiven => "podany", "on file", "вказано";
        PeselNotGiven => "nie podano", "not given", "не вказано";
        Children => "Dzieci", "Children", "Діти";
        ChangePassword => "Zmiana hasła", "Change password", "Зміна пароля";
        CurrentPassword => "Obecne hasło", "Current password", "Поточний пароль";
        NewPassword => "Nowe hasło", "New password", "Новий пароль";
        ChangePasswordButton => "Zmień hasło", "Change password", "Змінити пароль";
        PasswordChanged => "Hasło zostało zmienione.", "Your password has been changed.", "Пароль змінено.";
        PasswordChangeNote => "Po zmianie hasła zostaniesz wylogowany na pozostałych urządzeniach.",
            "Changing the password logs you out on your other devices.",
            "Після зміни пароля вас буде виведено з інших пристроїв.";
        ActiveSessions => "Aktywne sesje", "Active sessions", "Активні сесії";
        ThisDevice => "to urządzenie", "this device", "цей пристрій";
        SessionStarted => "Zalogowano", "Logged in", "Вхід";
        SessionLastSeen => "Ostatnia aktywność", "Last activity", "Остання активність";
        EndSession => "Wyloguj tę sesję", "Log out this session", "Завершити цю сесію";
        LogoutEverywhere => "Wyloguj ze wszystkich urządzeń", "Log out on all devices", "Вийти на всіх пристроях";
        UnknownBrowser => "Nieznana przeglądarka", "Unknown browser", "Невідомий браузер";
        NotFoundTitle => "Nie znaleziono strony", "Page not found", "Сторінку не знайдено";
        NotFoundText => "Strona, której szukasz, nie istnieje lub została przeniesiona.",
            "The page you are looking for does not exist or has moved.",
            "Сторінка, яку ви шукаєте, не існує або була переміщена.";
        BackHome => "Wróć na stronę główną", "Back to the home page", "Повернутися на головну";
        FooterAccessibility => "Deklaracja dostępności", "Accessibility statement", "Заява про доступність";
        FooterContact => "Kontakt z urzędem", "Contact the office", "Контакти установи";
        FooterAbout => "Okienko — otwarte oprogramowanie na licencji EUPL-1.2",
            "Okienko — open-source software under the EUPL-1.2",
            "Okienko — відкрите програмне забезпечення за ліцензією EUPL-1.2";
        CrestAlt => "Herb: {name}", "Coat of arms: {name}", "Герб: {name}";
        Catalogue => "Katalog e-usług", "E-services", "Каталог електронних послуг";
        SearchServices => "Szukaj usługi", "Search services", "Пошук послуги";
        Search => "Szukaj", "Search", "Шукати";
        NoServicesFound => "Nie znaleziono usług. Spróbuj innych słów.", "No services found. Try other words.", "Послуг не знайдено. Спробуйте інші слова.";
        WhoMayFile => "Kto może złożyć", "Who may file", "Хто може подати";
        DocumentsNeeded => "Potrzebne dokumenty", "Documents needed", "Необхідні документи";
        Fee => "Opłata", "Fee", "Оплата";
        FeeFree => "bezpłatnie", "free of charge", "безкоштовно";
        Deadline => "Termin załatwienia", "Time limit", "Строк розгляду";
        OneMonth => "do 1 miesiąca", "up to 1 month", "до 1 місяця";
        TwoMonths => "do 2 miesięcy", "up to 2 months", "до 2 місяців";
        DaysLimit => "do {n} dni", "up to {n} days", "до {n} днів";
        BackToCatalogue => "Wróć do katalogu e-usług", "Back to the e-services", "Повернутися до каталогу послуг";
        SituationOffice => "Sprawy ogólne", "General matters", "Загальні справи";
        SituationDocuments => "Dokumenty i meldunki", "Documents and residence", "Документи та реєстрація";
        SituationEnvironment => "Środowisko i zieleń", "Environment and greenery", "Довкілля та зелень";
        SituationRoads => "Drogi i budownictwo", "Roads and building", "Дороги та будівництво";
        SituationTaxes => "Podatki i opłaty", "Taxes and fees", "Податки та збори";
        SituationInformation => "Informacja publiczna", "Public information", "Публічна інформація";
        MyCases => "Moje sprawy", "My cases", "Мої справи";
        MyCasesLead => "Sprawy, które złożyłeś w urzędzie — przez portal i na papierze — z ich aktualnym stanem.",
            "The matters you filed with the office — online and on paper — and where each stands.",
            "Справи, які ви подали до установи — онлайн і на папері — та їхній поточний стан.";
        NoCases => "Nie masz jeszcze żadnych spraw.", "You have no cases yet.", "У вас ще немає справ.";
        LoginToSeeCases => "Zaloguj się, aby zobaczyć swoje sprawy.", "Log in to see your cases.", "Увійдіть, щоб побачити свої справи.";
        StatusSubmitted => "Złożona", "Submitted", "Подана";
        StatusRegistered => "Zarejestrowana", "Registered", "Зареєстрована";
        StatusInProgress => "W toku", "In progress", "Розглядається";
        StatusNeedsCompletion => "Wymaga uzupełnienia", "Needs completion", "Потребує доповнення";
        StatusDecisionReady => "Decyzja gotowa", "Decision ready", "Рішення готове";
        StatusClosed => "Zakończona", "Closed", "Завершена";
        EventReceived => "Wpłynęła do urzędu", "Received by the office", "Надійшла до установи";
        EventRegistered => "Zarejestrowana i przekazana do referatu", "Registered and sent to the department", "Зареєстрована та передана до відділу";
        EventAssigned => "Przydzielona do prowadzenia", "Assigned", "Призначена виконавцю";
        EventViewed => "Otwarta przez urzędnika", "Opened by a clerk", "Відкрита працівником";
        EventCompletionRequested => "Wezwanie do uzupełnienia", "Request for completion", "Вимога доповнити";
        EventCompleted => "Uzupełniona przez Ciebie", "Completed by you", "Доповнена вами";
        EventDecisionIssued => "Wydano decyzję", "Decision issued", "Видано рішення";
        EventDelayed => "Urząd wyznaczył nowy termin załatwienia sprawy (art. 36 KPA)", "The office set a new date for the case (KPA art. 36)", "Установа призначила новий строк розгляду справи (ст. 36 KPA)";
        EventClosed => "Zakończona i zarchiwizowana", "Closed and archived", "Завершена та архівована";
        Reference => "Znak sprawy", "Case reference", "Номер справи";
        RegistryNumber => "Numer w dzienniku korespondencji", "Registry number", "Номер у журналі кореспонденції";
        ReceivedAt => "Data wpływu", "Received", "Дата надходження";
        DecisionBy => "Decyzja przewidywana do", "Decision expected by", "Рішення очікується до";
        DeadlinePaused => "Termin wstrzymany do czasu uzupełnienia", "The time limit is paused until you complete it", "Строк призупинено до доповнення";
        HandledBy => "Prowadzi", "Handled by", "Веде";
        Status => "Stan", "Status", "Стан";
        Timeline => "Historia sprawy", "Case history", "Історія справи";
        Documents => "Dokumenty", "Documents", "Документи";
        FromYou => "od Ciebie", "from you", "від вас";
        FromOffice => "z urzędu", "from the office", "від установи";
        DownloadReceipt => "Pobierz UPO (JSON)", "Download the receipt (JSON)", "Завантажити UPO (JSON)";
        UpoTitle => "Urzędowe poświadczenie odbioru (UPO)", "Official receipt (UPO)", "Офіційне підтвердження отримання (UPO)";
        PrintableReceipt => "UPO do druku z kodem QR", "Printable receipt with a QR code", "UPO для друку з QR-кодом";
        Print => "Drukuj", "Print", "Друкувати";
        ContentDigest => "Skrót treści wniosku (SHA-256)", "Digest of the application (SHA-256)", "Хеш змісту заяви (SHA-256)";
        SignedWith => "Podpis urzędu (Ed25519, klucz {key})", "The office's signature (Ed25519, key {key})", "Підпис установи (Ed25519, ключ {key})";
        QrAlt => "Kod QR: otwiera stronę sprawdzania z tym UPO", "QR code: opens the check page with this receipt", "QR-код: відкриває сторінку перевірки з цим UPO";
        QrHint => "Zeskanuj kod telefonem albo wczytaj plik UPO na stronie {url} — podpis urzędu sprawdzi się w przeglądarce.",
            "Scan the code with a phone, or load the receipt file at {url} — the office's signature is checked in the browser.",
            "Відскануйте код телефоном або завантажте файл UPO на сторінці {url} — підпис установи перевіряється в браузері.";
        CheckReceipt => "Sprawdź UPO", "Check a receipt", "Перевірити UPO";
        CompletionTitle => "Urząd prosi o uzupełnienie", "The office asks you to complete your application", "Установа просить доповнити заяву";
        CompleteBy => "Termin: {date}", "By: {date}", "До: {date}";
        YourAnswer => "Twoja odpowiedź", "Your answer", "Ваша відповідь";
        AttachFiles => "Załączniki (PDF, JPG, PNG, do 10 MB)", "Attachments (PDF, JPG, PNG, up to 10 MB)", "Додатки (PDF, JPG, PNG, до 10 МБ)";
        SendCompletion => "Wyślij uzupełnienie", "Send", "Надіслати доповнення";
        CompletionSent => "Uzupełnienie zostało wysłane.", "Your completion was sent.", "Доповнення надіслано.";
        BackToMyCases => "Wróć do moich spraw", "Back to my cases", "Повернутися до моїх справ";
        VerifyTitle => "Sprawdź urzędowe poświadczenie odbioru (UPO)", "Check an official receipt (UPO)", "Перевірити офіційне підтвердження отримання (UPO)";
        VerifyLead => "Każdy może sprawdzić, czy UPO wydał ten urząd i czy nikt go nie zmienił. Sprawdzenie odbywa się w Twojej przeglądarce.",
            "Anyone can check that a receipt was issued by this office and has not been changed. The check runs in your browser.",
            "Будь-хто може перевірити, що UPO видала ця установа і що його ніхто не змінював. Перевірка відбувається у вашому браузері.";
        ReceiptFile => "Plik UPO (JSON)", "Receipt file (JSON)", "Файл UPO (JSON)";
        ReceiptText => "albo wklej treść UPO", "or paste the receipt", "або вставте вміст UPO";
        VerifyButton => "Sprawdź", "Check", "Перевірити";
        ReceiptValid => "UPO jest prawdziwe: podpisał je ten urząd i nic w nim nie zmieniono.",
            "The receipt is genuine: this office signed it and nothing in it was changed.",
            "UPO справжнє: його підписала ця установа і в ньому нічого не змінено.";
        ReceiptInvalid => "UPO jest nieprawidłowe: {reason}", "The receipt is not valid: {reason}", "UPO недійсне: {reason}";
        OfficeKey => "Klucz publiczny urzędu", "The office's public key", "Відкритий ключ установи";
        Submission => "Identyfikator zgłoszenia", "Submission id", "Ідентифікатор подання";
        Attachments => "Załączniki", "Attachments", "Додатки";
        Office => "Urząd", "Office", "Установа";
        FileApplication => "Złóż wniosek przez internet", "File online", "Подати заяву онлайн";
        ToSummary => "Dalej: podsumowanie", "Next: summary", "Далі: підсумок";
        ReviewTitle => "Sprawdź i podpisz", "Check and sign", "Перевірте та підпишіть";
        SignWithPassword => "Hasło do konta — potwierdza, że to Ty składasz wniosek (podpis)",
            "Your account password — it confirms you are filing (your signature)",
            "Пароль облікового запису — підтверджує, що заяву подаєте ви (підпис)";
        SignAndSend => "Podpisz i wyślij", "Sign and send", "Підписати та надіслати";
        BackToEditing => "Wróć do edycji", "Back to editing", "Повернутися до редагування";
        DraftSaving => "Zapisywanie wersji roboczej…", "Saving the draft…", "Збереження чернетки…";
        DraftSaved => "Wersja robocza zapisana — możesz dokończyć na innym urządzeniu.",
            "Draft saved — you can finish on another device.",
            "Чернетку збережено — можна завершити на іншому пристрої.";
        Filed => "Wniosek złożony. Urząd potwierdził odbiór (UPO).", "Application filed. The office confirmed receipt (UPO).", "Заяву подано. Установа підтвердила отримання (UPO).";
        GoToCase => "Przejdź do sprawy", "Go to the case", "Перейти до справи";
        AddItem => "Dodaj kolejną pozycję", "Add another", "Додати ще";
        RemoveItem => "Usuń pozycję", "Remove item", "Видалити позицію";
        ChooseOption => "— wybierz —", "— choose —", "— виберіть —";
        Street => "Ulica", "Street", "Вулиця";
        Building => "Numer domu", "Building number", "Номер будинку";
        Apartment => "Numer lokalu", "Apartment", "Номер квартири";
        PostalCode => "Kod pocztowy", "Postal code", "Поштовий індекс";
        City => "Miejscowość", "City or town", "Населений пункт";
        Yes => "tak", "yes", "так";
        No => "nie", "no", "ні";
        Drafts => "Wersje robocze", "Drafts", "Чернетки";
    }
}
