//! Public information's texts: only the public-information bundle carries them.

super::messages! {
    /// A public-information text.
    Info {
        Lead => "Budżet gminy, mienie komunalne, rejestry i ogłoszenia urzędu — bez logowania. Każdy zbiór pobierzesz jako CSV lub JSON, podpisany przez urząd.",
            "The gmina's budget, municipal property, registers and the office's announcements — no login needed. Every dataset downloads as CSV or JSON, signed by the office.",
            "Бюджет гміни, комунальне майно, реєстри та оголошення управи — без входу. Кожен набір даних можна завантажити як CSV або JSON з підписом управи.";
        Budget => "Budżet gminy", "The gmina's budget", "Бюджет гміни";
        BudgetDesc => "Plan, zmiany i wykonanie dochodów i wydatków według działów, rozdziałów i paragrafów.",
            "Plan, changes and execution of income and spending by dział, rozdział and paragraf.",
            "План, зміни та виконання доходів і видатків за розділами, підрозділами та параграфами.";
        Registers => "Rejestry publiczne", "Public registers", "Публічні реєстри";
        Property => "Mienie komunalne", "Municipal property", "Комунальне майно";
        PropertyDesc => "Działki, budynki i lokale gminy: numery, księgi wieczyste, powierzchnia, przeznaczenie, wartość.",
            "The gmina's plots, buildings and premises: numbers, land registers, area, use, value.",
            "Ділянки, будівлі та приміщення гміни: номери, іпотечні книги, площа, призначення, вартість.";
        Alcohol => "Zezwolenia na sprzedaż alkoholu", "Alcohol sales permits", "Дозволи на продаж алкоголю";
        AlcoholDesc => "Punkty sprzedaży i gastronomii z zezwoleniem, kategorie A, B, C i okres ważności.",
            "Shops and restaurants with a permit, categories A, B, C and validity.",
            "Магазини та заклади з дозволом, категорії A, B, C і термін дії.";
        RoadLane => "Zajęcie pasa drogowego", "Road-lane occupation", "Заняття смуги дороги";
        RoadLaneDesc => "Wydane zezwolenia na zajęcie pasa dróg gminnych: gdzie, po co i kiedy.",
            "Permits issued to occupy gmina roads: where, what for and when.",
            "Видані дозволи на заняття смуги гмінних доріг: де, навіщо і коли.";
        Announcements => "Ogłoszenia urzędu", "Announcements of the office", "Оголошення управи";
        AnnouncementsDesc => "Obwieszczenia, przetargi i zawiadomienia z datą publikacji, autorem i rejestrem zmian.",
            "Notices, tenders and notifications with their date, author and register of changes.",
            "Оповіщення, тендери та повідомлення з датою, автором і реєстром змін.";
        OpenData => "Otwarte dane", "Open data", "Відкриті дані";
        OpenDataDesc => "Wszystkie zbiory w CSV i JSON, każda wersja z datą i podpisem urzędu — sprawdzisz, co opublikowano dowolnego dnia.",
            "Every dataset in CSV and JSON, each version dated and signed by the office — see what was published on any day.",
            "Усі набори в CSV і JSON, кожна версія з датою та підписом управи — перевірте, що було опубліковано будь-якого дня.";
        Publishing => "Publikowanie (urzędnicy)", "Publishing (clerks)", "Публікація (службовці)";
        Year => "Rok", "Year", "Рік";
        AsOf => "Wykonanie na dzień {date}", "Execution as of {date}", "Виконання станом на {date}";
        Spending => "Wydatki", "Spending", "Видатки";
        Income => "Dochody", "Income", "Доходи";
        Side => "Pokaż", "Show", "Показати";
        Plan => "Plan uchwalony", "Plan as passed", "Затверджений план";
        Changes => "Zmiany", "Changes", "Зміни";
        Planned => "Plan po zmianach", "Plan after changes", "План після змін";
        Executed => "Wykonanie", "Executed", "Виконання";
        Share => "wykonania", "executed", "виконано";
        Balance => "Wynik (dochody − wydatki, plan po zmianach)", "Balance (income − spending, plan after changes)", "Результат (доходи − видатки, план після змін)";
        Search => "Szukaj", "Search", "Пошук";
        BudgetSearchHint => "Nazwa lub kod, np. szkoły albo 801.", "A name or a code, e.g. schools or 801.", "Назва або код, напр. школи чи 801.";
        NoMatch => "Nic nie pasuje do wyszukiwania.", "Nothing matches the search.", "Нічого не відповідає пошуку.";
        Chart => "Największe obszary wydatków: plan po zmianach i wykonanie", "The largest spending areas: plan after changes and execution", "Найбільші статті видатків: план після змін і виконання";
        ChartNote => "Pasek jasny: plan po zmianach; ciemny: wykonanie. Te same liczby są w tabeli.", "Light bar: plan after changes; dark: executed. The table has the same figures.", "Світла смуга: план після змін; темна: виконання. Ті самі числа в таблиці.";
        Tree => "Budżet według klasyfikacji", "The budget by classification", "Бюджет за класифікацією";
        Download => "Pobierz", "Download", "Завантажити";
        NoBudget => "Gmina nie opublikowała jeszcze budżetu.", "The gmina has not published a budget yet.", "Гміна ще не опублікувала бюджет.";
        SearchRegister => "Szukaj w rejestrze", "Search the register", "Пошук у реєстрі";
        Any => "wszystkie", "any", "усі";
        OnlyCurrent => "Tylko obowiązujące dziś", "Only in force today", "Лише чинні сьогодні";
        Found => "Znaleziono: {n}", "Found: {n}", "Знайдено: {n}";
        Map => "Mapa", "Map", "Мапа";
        MapNote => "{n} punktów na mapie; każdy prowadzi do pozycji na liście poniżej, która zawiera wszystkie dane.", "{n} points on the map; each leads to its entry in the list below, which has every detail.", "{n} точок на мапі; кожна веде до запису у списку нижче з усіма даними.";
        Scale => "{km} km", "{km} km", "{km} км";
        North => "Północ u góry", "North is up", "Північ угорі";
        OnMap => "Pokaż na mapie", "Show on the map", "Показати на мапі";
        Geoportal => "Geoportal", "Geoportal", "Геопортал";
        Current => "Bieżące", "Current", "Поточні";
        Archive => "Archiwum", "Archive", "Архів";
        NoAnnouncements => "Brak ogłoszeń.", "No announcements.", "Немає оголошень.";
        PublishedBy => "Opublikował(a)", "Published by", "Опублікував(ла)";
        PublishedAt => "Data publikacji", "Published", "Дата публікації";
        Expires => "Aktualne do", "Current until", "Актуальне до";
        Changed => "Ostatnia zmiana", "Last changed", "Остання зміна";
        Files => "Załączniki", "Files", "Додатки";
        History => "Rejestr zmian", "Register of changes", "Реєстр змін";
        VersionN => "Wersja {n}", "Version {n}", "Версія {n}";
        ChangedBy => "Kto", "Who", "Хто";
        When => "Kiedy", "When", "Коли";
        Why => "Powód", "Reason", "Причина";
        FirstPublication => "pierwsza publikacja", "first publication", "перша публікація";
        ShowText => "Treść tej wersji", "This version's text", "Текст цієї версії";
        Edit => "Zmień ogłoszenie", "Change the announcement", "Змінити оголошення";
        Reason => "Powód zmiany (widoczny publicznie)", "Reason for the change (public)", "Причина зміни (публічна)";
        Save => "Zapisz nową wersję", "Save a new version", "Зберегти нову версію";
        Saved => "Zapisano wersję {n}.", "Version {n} saved.", "Збережено версію {n}.";
        Datasets => "Zbiory danych", "Datasets", "Набори даних";
        Versions => "Wersje", "Versions", "Версії";
        Published => "Opublikowano", "Published", "Опубліковано";
        Records => "Rekordów", "Records", "Записів";
        OnDate => "Co było opublikowane w dniu", "What was published on", "Що було опубліковано на дату";
        ShowVersion => "Pokaż wersję", "Show the version", "Показати версію";
        NothingOnDate => "Tego dnia zbiór nie był jeszcze opublikowany.", "The dataset was not yet published on that day.", "Того дня набір ще не було опубліковано.";
        AllVersions => "Wszystkie wersje", "Every version", "Усі версії";
        Verify => "Jak sprawdzić podpis", "How to check the signature", "Як перевірити підпис";
        VerifyText => "Każdy plik jest podpisany kluczem urzędu (Ed25519). Pobierz plik, jego podpis (.sig) i klucz publiczny, a następnie uruchom:",
            "Every file is signed with the office key (Ed25519). Download the file, its signature (.sig) and the public key, then run:",
            "Кожен файл підписано ключем управи (Ed25519). Завантажте файл, його підпис (.sig) і публічний ключ, потім виконайте:";
        PublicKey => "Klucz publiczny urzędu", "The office's public key", "Публічний ключ управи";
        Signature => "podpis", "signature", "підпис";
        DatasetBudget => "Budżet {year}", "Budget {year}", "Бюджет {year}";
        ImportBudget => "Budżet z pliku CSV", "Budget from a CSV file", "Бюджет із файлу CSV";
        ImportBudgetHint => "Kolumny: rodzaj;dzial;rozdzial;paragraf;nazwa;plan;zmiany;wykonanie. Plik zastępuje cały rok; błąd w dowolnym wierszu odrzuca cały plik.",
            "Columns: rodzaj;dzial;rozdzial;paragraf;nazwa;plan;zmiany;wykonanie. The file replaces the whole year; a problem on any line refuses the whole file.",
            "Стовпці: rodzaj;dzial;rozdzial;paragraf;nazwa;plan;zmiany;wykonanie. Файл замінює весь рік; помилка в будь-якому рядку відхиляє весь файл.";
        AsOfLabel => "Wykonanie na dzień", "Execution as of", "Виконання станом на";
        File => "Plik", "File", "Файл";
        Import => "Wczytaj i opublikuj", "Import and publish", "Завантажити й опублікувати";
        ImportedBudget => "Wczytano {n} paragrafów; opublikowano wersję {v}.", "{n} paragraphs imported; version {v} published.", "Завантажено {n} параграфів; опубліковано версію {v}.";
        ImportRegister => "Rejestr z pliku CSV", "A register from a CSV file", "Реєстр із файлу CSV";
        ImportRegisterHint => "Kolumny jak w pobranym pliku CSV rejestru (z opcjonalnymi szer;dl). Plik zastępuje cały rejestr.",
            "The columns of the register's downloaded CSV (with optional szer;dl). The file replaces the whole register.",
            "Стовпці як у завантаженому CSV реєстру (з необов'язковими szer;dl). Файл замінює весь реєстр.";
        Register => "Rejestr", "Register", "Реєстр";
        ImportedRegister => "Wczytano {n} pozycji; opublikowano wersję {v}.", "{n} entries imported; version {v} published.", "Завантажено {n} записів; опубліковано версію {v}.";
        NewAnnouncement => "Nowe ogłoszenie", "A new announcement", "Нове оголошення";
        TitleLabel => "Tytuł", "Title", "Заголовок";
        BodyLabel => "Treść (akapity oddziel pustą linią)", "Text (a blank line between paragraphs)", "Текст (абзаци розділяйте порожнім рядком)";
        ExpiresLabel => "Aktualne do (puste — bez końca)", "Current until (empty: no end)", "Актуальне до (порожньо — без кінця)";
        FilesLabel => "Załączniki (PDF, PNG, JPEG)", "Files (PDF, PNG, JPEG)", "Додатки (PDF, PNG, JPEG)";
        Publish => "Opublikuj", "Publish", "Опублікувати";
        ClerksOnly => "Publikować mogą urzędnicy i administratorzy. Zaloguj się.", "Clerks and admins publish. Log in.", "Публікують службовці та адміністратори. Увійдіть.";
    }
}
