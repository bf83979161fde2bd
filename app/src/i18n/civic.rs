//! The civic budget's texts: only the civic-budget bundle carries them. `{…}` marks a
//! value filled in by the page.

super::messages! {
    /// A civic-budget text.
    Civic {
        // Editions and one edition
        NoEditions => "Nie ogłoszono jeszcze żadnej edycji budżetu obywatelskiego.",
            "No civic budget edition has been announced yet.",
            "Ще не оголошено жодного випуску громадського бюджету.";
        AllEditions => "Wszystkie edycje budżetu obywatelskiego", "All civic budget editions", "Усі випуски громадського бюджету";
        BackToEdition => "Wróć do edycji", "Back to the edition", "Повернутися до випуску";
        VoteIn => "Głosowanie: {title}", "Vote: {title}", "Голосування: {title}";
        VotingDates => "Głosowanie: {from} – {to}", "Voting: {from} – {to}", "Голосування: {from} – {to}";
        ProposeProject => "Zgłoś projekt", "Propose a project", "Запропонувати проєкт";
        Vote => "Głosuj", "Vote", "Голосувати";
        Results => "Wyniki", "Results", "Результати";
        Timetable => "Harmonogram", "Timetable", "Графік";
        Rules => "Zasady", "Rules", "Правила";
        Pools => "Pule środków", "Pools of money", "Пули коштів";
        Projects => "Projekty", "Projects", "Проєкти";
        Until => "do {date}", "until {date}", "до {date}";
        AfterDate => "po {date}", "after {date}", "після {date}";
        Now => "teraz", "now", "зараз";
        PhaseAnnounced => "Ogłoszona", "Announced", "Оголошено";
        PhaseProposals => "Zgłaszanie projektów", "Proposals", "Подання проєктів";
        PhaseVerification => "Weryfikacja projektów", "Verification", "Перевірка проєктів";
        PhaseAppeals => "Odwołania", "Appeals", "Оскарження";
        PhaseVoting => "Głosowanie", "Voting", "Голосування";
        PhaseCounting => "Liczenie głosów", "Counting the votes", "Підрахунок голосів";
        PhaseResults => "Wyniki", "Results", "Результати";
        BallotApproval => "Na karcie zaznaczasz projekty, które popierasz — w każdej puli nie więcej niż jej limit.",
            "You tick the projects you support — in each pool no more than its limit.",
            "Ви позначаєте проєкти, які підтримуєте, — у кожному пулі не більше за його ліміт.";
        BallotChooseOne => "W każdej puli wybierasz jeden projekt.", "You choose one project in each pool.", "У кожному пулі ви обираєте один проєкт.";
        BallotCostLimited => "Wybierasz projekty, których łączny koszt mieści się w budżecie puli.",
            "You choose projects whose total cost fits the pool's budget.",
            "Ви обираєте проєкти, загальна вартість яких вміщується в бюджет пулу.";
        OneDistrict => "Głosujesz we wszystkich pulach ogólnogminnych i w jednej wybranej puli osiedlowej.",
            "You vote in every citywide pool and in one district pool of your choice.",
            "Ви голосуєте в усіх загальногромадських пулах і в одному обраному районному пулі.";
        RuleGreedy => "Liczenie: najpierw finansuje się projekty z największą liczbą głosów, dopóki starcza pieniędzy; projekt, który już się nie mieści, jest pomijany i sprawdza się następny.",
            "Counting: projects with the most votes are funded first while the money lasts; a project that no longer fits is skipped and the next one is tried.",
            "Підрахунок: спочатку фінансуються проєкти з найбільшою кількістю голосів, поки вистачає коштів; проєкт, який уже не вміщується, пропускається і перевіряється наступний.";
        RuleMes => "Liczenie: metoda równych udziałów — każdy głosujący dostaje równą część budżetu, a projekt jest finansowany, gdy udziały jego zwolenników razem pokrywają jego koszt.",
            "Counting: the Method of Equal Shares — every voter gets an equal share of the budget, and a project is funded when its supporters' shares together can pay for it.",
            "Підрахунок: метод рівних часток — кожен виборець отримує рівну частку бюджету, а проєкт фінансується, коли частки його прихильників разом покривають його вартість.";
        MinAge => "Głosować mogą osoby, które w ostatnim dniu głosowania mają co najmniej {age} lat.",
            "Voters must be at least {age} years old on the last day of voting.",
            "Голосувати можуть особи, яким в останній день голосування виповнилося щонайменше {age} років.";
        GuardianConsent => "Młodsi uczniowie mogą głosować za zgodą rodzica lub opiekuna.",
            "Younger pupils may vote with a parent's or guardian's consent.",
            "Молодші учні можуть голосувати за згодою батьків або опікуна.";
        ChangeAllowed => "Oddany głos można zmienić, dopóki trwa głosowanie.", "You may change your vote while voting is open.", "Поданий голос можна змінити, поки триває голосування.";
        ChangeNotAllowed => "Oddanego głosu nie można zmienić.", "A vote cannot be changed once cast.", "Поданий голос не можна змінити.";
        District => "pula osiedlowa", "district pool", "районний пул";
        Citywide => "pula ogólnogminna", "citywide pool", "загальногромадський пул";
        UpTo => "do {n} projektów na karcie", "up to {n} projects per ballot", "до {n} проєктів у бюлетені";
        Pool => "Pula", "Pool", "Пул";
        AllPools => "Wszystkie pule", "All pools", "Усі пули";
        Category => "Kategoria", "Category", "Категорія";
        AllCategories => "Wszystkie kategorie", "All categories", "Усі категорії";
        SearchProjects => "Szukaj w tytułach i miejscach", "Search titles and places", "Пошук у назвах і місцях";
        ProjectsFound => "Projekty: {n}", "Projects found: {n}", "Знайдено проєктів: {n}";
        NumberN => "nr {n}", "No. {n}", "№ {n}";
        CloseVoting => "Zakończ głosowanie i policz głosy", "Close voting and count", "Завершити голосування й підрахувати голоси";
        CloseNote => "Zamknięcie kończy głosowanie dla wszystkich, liczy karty metodą tej edycji i publikuje wyniki. Tego nie można cofnąć.",
            "Closing ends voting for everyone, counts the ballots with this edition's rule and publishes the results. It cannot be undone.",
            "Закриття завершує голосування для всіх, підраховує бюлетені за правилом цього випуску та публікує результати. Це неможливо скасувати.";
        // Statuses and categories
        StatusSubmitted => "Zgłoszony", "Submitted", "Подано";
        StatusAccepted => "Na karcie do głosowania", "On the ballot", "У бюлетені";
        StatusRejected => "Odrzucony", "Rejected", "Відхилено";
        StatusAppealed => "Odwołanie w toku", "Appeal pending", "Оскарження розглядається";
        CatGreenery => "Zieleń", "Greenery", "Зелені насадження";
        CatSport => "Sport", "Sport", "Спорт";
        CatCulture => "Kultura", "Culture", "Культура";
        CatEducation => "Edukacja", "Education", "Освіта";
        CatTransport => "Komunikacja i drogi", "Transport and roads", "Транспорт і дороги";
        CatSafety => "Bezpieczeństwo", "Safety", "Безпека";
        CatSocial => "Pomoc społeczna", "Social welfare", "Соціальна допомога";
        CatOther => "Inne", "Other", "Інше";
        // Voting
        LoginToVote => "Zaloguj się, aby zagłosować. Jeden głos na osobę: w Twoim koncie potrzebny jest numer PESEL.",
            "Log in to vote. One vote per person: your account needs your PESEL number.",
            "Увійдіть, щоб проголосувати. Один голос на особу: у вашому обліковому записі потрібен номер PESEL.";
        AddPesel => "Dodaj numer PESEL w swoim koncie", "Add your PESEL number in your account", "Додати номер PESEL у своєму обліковому записі";
        YouVoted => "Głos oddany {date}", "You voted on {date}", "Ви проголосували {date}";
        ChangedOn => "Zmieniony {date}", "Changed on {date}", "Змінено {date}";
        ChangeVote => "Zmień mój głos", "Change my vote", "Змінити мій голос";
        LeftApproval => "Możesz wybrać jeszcze {n} (z {max}).", "You can choose {n} more (of {max}).", "Можна вибрати ще {n} (з {max}).";
        ChooseOneLeft => "Wybierz 1 projekt.", "Choose 1 project.", "Виберіть 1 проєкт.";
        LeftNone => "Wybrano tyle, ile można.", "You have chosen as many as you can.", "Вибрано максимально можливу кількість.";
        TooManyChosen => "Za dużo o {n}: odznacz któryś projekt.", "{n} too many: untick a project.", "Забагато на {n}: зніміть позначку з якогось проєкту.";
        LeftMoney => "Zostało {left} z budżetu {budget}.", "{left} left of the budget of {budget}.", "Залишилося {left} з бюджету {budget}.";
        OverBudget => "Przekroczono budżet o {over}: odznacz któryś projekt.", "{over} over the budget: untick a project.", "Бюджет перевищено на {over}: зніміть позначку з якогось проєкту.";
        YourDistrict => "Twoja pula osiedlowa", "Your district", "Ваш район";
        DistrictHint => "Możesz głosować w jednej puli osiedlowej — zwykle tam, gdzie mieszkasz.",
            "You may vote in one district pool — usually where you live.",
            "Можна голосувати в одному районному пулі — зазвичай там, де ви живете.";
        NoDistrict => "— bez puli osiedlowej —", "— no district —", "— без району —";
        ChooseAtLeastOne => "Wybierz co najmniej jeden projekt.", "Choose at least one project.", "Виберіть щонайменше один проєкт.";
        OneDistrictOnly => "Możesz głosować tylko w jednej puli osiedlowej.", "You may vote in one district pool only.", "Можна голосувати лише в одному районному пулі.";
        ChooseProjects => "Wybierz projekty", "Choose projects", "Виберіть проєкти";
        ChooseLead => "Zaznacz projekty, które popierasz. Stan każdej puli zmienia się na bieżąco; przed oddaniem głosu zobaczysz podsumowanie.",
            "Tick the projects you support. Each pool's status updates as you go; you will see a summary before you cast your vote.",
            "Позначте проєкти, які підтримуєте. Стан кожного пулу оновлюється одразу; перед поданням голосу ви побачите підсумок.";
        ToReview => "Dalej: sprawdź wybór", "Next: review", "Далі: перевірити вибір";
        AtLeast => "Minimalna liczba projektów, jeśli głosujesz w tej puli: {n}.",
            "If you vote in this pool, choose at least {n} projects.",
            "Мінімальна кількість проєктів, якщо ви голосуєте в цьому пулі: {n}.";
        NoProjectsHere => "W tej puli nie ma projektów na karcie.", "This pool has no projects on the ballot.", "У цьому пулі немає проєктів у бюлетені.";
        Details => "Opis (nowa karta)", "Description (new tab)", "Опис (нова вкладка)";
        Total => "Razem: {sum}", "Total: {sum}", "Разом: {sum}";
        ReviewTitle => "Sprawdź swój wybór", "Check your choices", "Перевірте свій вибір";
        ReviewLead => "Tak wygląda Twoja karta. Możesz wrócić i coś zmienić.", "This is your ballot. You can go back and change something.", "Так виглядає ваш бюлетень. Можна повернутися й щось змінити.";
        Back => "Wróć", "Back", "Назад";
        CastVote => "Oddaj głos", "Cast my vote", "Віддати голос";
        SaveChange => "Zapisz zmianę", "Save the change", "Зберегти зміну";
        VoteRecorded => "Twój głos został zapisany", "Your vote is recorded", "Ваш голос зареєстровано";
        YourReceipt => "Twój kod potwierdzenia:", "Your receipt code:", "Ваш код підтвердження:";
        ReceiptEmailed => "Wysłaliśmy ten kod także e-mailem.", "We have also sent this code to you by e-mail.", "Ми також надіслали цей код електронною поштою.";
        ReceiptHowToCheck => "Po zakończeniu głosowania wpisz kod na stronie wyników tej edycji, aby sprawdzić, że Twój głos został policzony.",
            "After voting closes, enter the code on this edition's results page to check that your vote was counted.",
            "Після завершення голосування введіть код на сторінці результатів цього випуску, щоб перевірити, що ваш голос зараховано.";
        ReceiptSecret => "Kod nie ujawnia, na co głosowano — nikt nie pozna z niego Twojego wyboru.",
            "The code does not reveal your choices — nobody can learn them from it.",
            "Код не розкриває вашого вибору — ніхто не дізнається його з коду.";
        ChangeSaved => "Zmiana została zapisana. Twój kod potwierdzenia się nie zmienia.", "Your change is saved. Your receipt code stays the same.", "Зміну збережено. Ваш код підтвердження не змінюється.";
        YourChoices => "Twój wybór:", "Your choices:", "Ваш вибір:";
        ConsentsTitle => "Zgody na głosowanie dzieci", "Consent for your children to vote", "Згода на голосування дітей";
        ConsentsLead => "Uczniowie poniżej wymaganego wieku mogą głosować za zgodą rodzica lub opiekuna.",
            "Pupils under the minimum age may vote with a parent's or guardian's consent.",
            "Учні, молодші за встановлений вік, можуть голосувати за згодою батьків або опікуна.";
        ConsentGiven => "zgoda udzielona", "consent given", "згоду надано";
        GiveConsent => "Wyrażam zgodę: {name}", "Give consent for {name}", "Надати згоду: {name}";
        // One project
        Project => "Projekt", "Project", "Проєкт";
        Number => "Numer", "Number", "Номер";
        Location => "Miejsce", "Location", "Місце";
        OnMap => "na mapie", "on the map", "на мапі";
        Cost => "Koszt", "Cost", "Вартість";
        AuthorsEstimate => "(szacunek autora: {cost})", "(the author's estimate: {cost})", "(оцінка автора: {cost})";
        ConflictGroup => "Grupa konfliktu (to samo miejsce)", "Conflict group (same site)", "Група конфлікту (те саме місце)";
        Description => "Opis", "Description", "Опис";
        History => "Historia projektu", "Project history", "Історія проєкту";
        EvSubmitted => "Zgłoszony", "Submitted", "Подано";
        EvCostAdjusted => "Urząd zmienił koszt", "The office adjusted the cost", "Установа змінила вартість";
        EvAccepted => "Zweryfikowany pozytywnie — na karcie do głosowania", "Accepted — on the ballot", "Схвалено — у бюлетені";
        EvRejected => "Zweryfikowany negatywnie", "Rejected", "Відхилено";
        EvAppealed => "Autor złożył odwołanie", "The author appealed", "Автор подав оскарження";
        EvAppealUpheld => "Odwołanie uwzględnione — projekt na karcie", "Appeal upheld — on the ballot", "Оскарження задоволено — проєкт у бюлетені";
        EvAppealDismissed => "Odwołanie oddalone", "Appeal dismissed", "Оскарження відхилено";
        NewCost => "nowy koszt: {cost}", "new cost: {cost}", "нова вартість: {cost}";
        Saved => "Zapisano.", "Saved.", "Збережено.";
        AppealTitle => "Odwołanie od negatywnej weryfikacji", "Appeal against the rejection", "Оскарження відхилення";
        AppealLead => "Możesz odwołać się raz, przed rozpoczęciem głosowania. Napisz, dlaczego projekt powinien trafić na kartę.",
            "You may appeal once, before voting starts. Say why the project should be on the ballot.",
            "Оскаржити можна один раз, до початку голосування. Напишіть, чому проєкт має бути в бюлетені.";
        AppealReason => "Uzasadnienie odwołania", "Grounds for the appeal", "Обґрунтування оскарження";
        SendAppeal => "Wyślij odwołanie", "Send the appeal", "Надіслати оскарження";
        VerifyTitle => "Weryfikacja projektu", "Verify the project", "Перевірка проєкту";
        VerifyOutcome => "Wynik weryfikacji", "Outcome", "Результат перевірки";
        AcceptProject => "Pozytywna — projekt trafia na kartę", "Accept — the project goes on the ballot", "Позитивна — проєкт потрапляє до бюлетеня";
        RejectProject => "Negatywna", "Reject", "Негативна";
        VerifiedCost => "Koszt po weryfikacji w złotych (opcjonalnie)", "Verified cost in złoty (optional)", "Вартість після перевірки в злотих (необов'язково)";
        VerifiedCostHint => "Zostaw puste, aby zachować obecny koszt. Zmiana kosztu wymaga uzasadnienia.",
            "Leave empty to keep the current cost. A changed cost needs a reason.",
            "Залиште порожнім, щоб зберегти поточну вартість. Зміна вартості потребує обґрунтування.";
        CurrentCost => "Obecny koszt: {cost}", "Current cost: {cost}", "Поточна вартість: {cost}";
        VerifyReason => "Uzasadnienie (wymagane przy odrzuceniu i zmianie kosztu)", "Reason (required to reject or to change the cost)", "Обґрунтування (обов'язкове при відхиленні та зміні вартості)";
        ConflictGroupHint => "Projekty w tym samym miejscu dostają tę samą nazwę grupy: sfinansować można tylko jeden z nich.",
            "Projects on the same site get the same group name: only one of them can be funded.",
            "Проєкти в тому самому місці отримують однакову назву групи: профінансувати можна лише один із них.";
        SaveVerification => "Zapisz weryfikację", "Save the verification", "Зберегти перевірку";
        DecideAppeal => "Rozstrzygnięcie odwołania", "Decide the appeal", "Рішення щодо оскарження";
        Upheld => "Uwzględnione — projekt trafia na kartę", "Upheld — the project goes on the ballot", "Задоволено — проєкт потрапляє до бюлетеня";
        Dismissed => "Oddalone — projekt pozostaje odrzucony", "Dismissed — the project stays rejected", "Відхилено — проєкт залишається відхиленим";
        DecisionReason => "Uzasadnienie rozstrzygnięcia", "Reasons for the decision", "Обґрунтування рішення";
        SaveDecision => "Zapisz rozstrzygnięcie", "Save the decision", "Зберегти рішення";
        // Proposing
        LoginToPropose => "Zaloguj się, aby zgłosić projekt.", "Log in to propose a project.", "Увійдіть, щоб запропонувати проєкт.";
        ProposeLead => "Zgłaszasz projekt do edycji „{title}”. Urząd sprawdzi go i jego koszt; wynik zobaczysz na stronie projektu.",
            "You are proposing a project for “{title}”. The office will verify it and its cost; you will see the outcome on the project's page.",
            "Ви пропонуєте проєкт до «{title}». Установа перевірить його та вартість; результат з'явиться на сторінці проєкту.";
        ProjectTitle => "Tytuł projektu (5–120 znaków)", "Project title (5–120 characters)", "Назва проєкту (5–120 символів)";
        DescriptionHint => "Co powstanie, dla kogo i dlaczego (20–5000 znaków).", "What will be done, for whom and why (20–5000 characters).", "Що буде зроблено, для кого і чому (20–5000 символів).";
        LocationHint => "Adres lub opis miejsca, np. „park przy ul. Lipowej”.", "An address or a description of the place, e.g. “the park on Lipowa Street”.", "Адреса або опис місця, напр. «парк на вул. Липовій».";
        MapPoint => "Punkt na mapie (opcjonalnie)", "Point on the map (optional)", "Точка на мапі (необов'язково)";
        MapPointHint => "Współrzędne w stopniach dziesiętnych, np. 52,2297 i 21,0122. Zostaw puste, jeśli ich nie znasz.",
            "Coordinates in decimal degrees, e.g. 52.2297 and 21.0122. Leave empty if you don't know them.",
            "Координати в десяткових градусах, напр. 52,2297 і 21,0122. Залиште порожнім, якщо не знаєте.";
        Latitude => "Szerokość geograficzna", "Latitude", "Широта";
        Longitude => "Długość geograficzna", "Longitude", "Довгота";
        EstimatedCost => "Szacowany koszt w złotych", "Estimated cost in złoty", "Орієнтовна вартість у злотих";
        CostHint => "Np. 150 000 albo 1 234,50.", "E.g. 150 000 or 1 234,50.", "Напр. 150 000 або 1 234,50.";
        SubmitProposal => "Zgłoś projekt", "Submit the project", "Подати проєкт";
        Photos => "Zdjęcia (nieobowiązkowe)", "Photos (optional)", "Фото (необов'язково)";
        PhotosHint => "Do 5 zdjęć miejsca, PNG lub JPEG, każde do 10 MB.", "Up to 5 photos of the place, PNG or JPEG, each up to 10 MB.", "До 5 фото місця, PNG або JPEG, кожне до 10 МБ.";
        Gallery => "Zdjęcia", "Photos", "Фото";
        // Results
        ResultsOf => "Wyniki: {title}", "Results: {title}", "Результати: {title}";
        ResultsNotYet => "Wyniki zostaną opublikowane po zakończeniu głosowania i policzeniu głosów.",
            "The results will be published once voting has closed and the votes are counted.",
            "Результати буде опубліковано після завершення голосування та підрахунку голосів.";
        BallotsCounted => "Policzone karty", "Ballots counted", "Підраховані бюлетені";
        PaperBallots => "w tym papierowe", "of which on paper", "з них паперові";
        Turnout => "Frekwencja", "Turnout", "Явка";
        ByDistrict => "Karty według puli osiedlowej", "Ballots by district", "Бюлетені за районами";
        ByAge => "Karty według wieku głosujących", "Ballots by the voters' age", "Бюлетені за віком виборців";
        DistrictColumn => "Osiedle", "District", "Район";
        AgeBand => "Wiek", "Age", "Вік";
        Ballots => "Karty", "Ballots", "Бюлетені";
        Unknown => "nieznany", "unknown", "невідомо";
        VerdictFunded => "Do realizacji (wybrany jako {order}.)", "Funded (chosen as no. {order})", "Фінансується (обрано під № {order})";
        VerdictNoMoney => "Niewybrany: gdy przyszła jego kolej, zostało tylko {left}", "Not funded: only {left} was left when its turn came", "Не профінансовано: коли настала його черга, залишалося лише {left}";
        VerdictShares => "Niewybrany: równe udziały jego zwolenników nie wystarczyły na jego koszt", "Not funded: its voters' equal shares could not pay for it", "Не профінансовано: рівних часток його прихильників не вистачило на його вартість";
        VerdictConflict => "Wykluczony: koliduje z projektem nr {n} w tym samym miejscu", "Excluded: conflicts with project no. {n} on the same site", "Виключено: конфліктує з проєктом № {n} у тому самому місці";
        VerdictNoVotes => "Niewybrany: brak głosów", "Not funded: no votes", "Не профінансовано: немає голосів";
        Funded => "do realizacji", "funded", "фінансується";
        FundingLine => "Granica finansowania", "Funding line", "Межа фінансування";
        FundingLineNote => "Granica finansowania — projekty poniżej nie otrzymały środków.", "Funding line — the projects below were not funded.", "Межа фінансування — проєкти нижче не отримали коштів.";
        PoolSummary => "Budżet {budget}, przyznano {spent}, karty w tej puli: {ballots}.", "Budget {budget}, funded {spent}, ballots in this pool: {ballots}.", "Бюджет {budget}, виділено {spent}, бюлетенів у цьому пулі: {ballots}.";
        ResultsTable => "Projekty w puli „{pool}” według liczby głosów", "Projects of “{pool}” by votes", "Проєкти пулу «{pool}» за кількістю голосів";
        Votes => "Głosy", "Votes", "Голоси";
        Outcome => "Wynik", "Outcome", "Результат";
        DownloadPb => "Pobierz karty tej puli (.pb)", "Download this pool's ballots (.pb)", "Завантажити бюлетені цього пулу (.pb)";
        RecountPool => "Przelicz tę pulę samodzielnie", "Re-count this pool yourself", "Перерахувати цей пул самостійно";
        CheckReceiptTitle => "Sprawdź swój kod potwierdzenia", "Check your receipt", "Перевірте свій код підтвердження";
        CheckReceiptLead => "Wpisz kod otrzymany po oddaniu głosu. Sprawdzimy, czy karta z tym kodem została policzona — bez ujawniania, na co głosowano.",
            "Enter the code you got when you voted. We check that a ballot with this code was counted — without revealing the choices.",
            "Введіть код, отриманий після голосування. Ми перевіримо, чи бюлетень із цим кодом зараховано, — не розкриваючи вибору.";
        ReceiptCode => "Kod potwierdzenia", "Receipt code", "Код підтвердження";
        Check => "Sprawdź", "Check", "Перевірити";
        ReceiptCounted => "Głos z tym kodem został policzony.", "A ballot with this code was counted.", "Бюлетень із цим кодом зараховано.";
        ReceiptNotCounted => "Nie ma policzonego głosu z tym kodem. Sprawdź, czy kod jest wpisany poprawnie.",
            "No counted ballot has this code. Check that you typed it correctly.",
            "Немає зарахованого бюлетеня з цим кодом. Перевірте, чи правильно введено код.";
        // Re-count it yourself
        RecountTitle => "Policz to sam", "Re-count it yourself", "Перерахуйте самі";
        RecountLead => "Karty z każdej puli są publikowane bez danych głosujących, w formacie pabulib (.pb). Ta strona liczy je w Twojej przeglądarce tym samym kodem, którym liczy urząd — możesz sam sprawdzić wynik.",
            "The ballots of every pool are published without any voter's data, in the pabulib format (.pb). This page counts them in your browser with the same code the office counts with, so you can check the result yourself.",
            "Бюлетені кожного пулу публікуються без даних виборців у форматі pabulib (.pb). Ця сторінка рахує їх у вашому браузері тим самим кодом, яким рахує установа, — ви можете самі перевірити результат.";
        RecountLink => "Przelicz głosy samodzielnie", "Re-count the votes yourself", "Перерахувати голоси самостійно";
        PublishedBallots => "Opublikowane karty puli", "A pool's published ballots", "Опубліковані бюлетені пулу";
        NoPool => "— żadna —", "— none —", "— жоден —";
        OwnFile => "albo własny plik .pb", "or a .pb file of your own", "або власний файл .pb";
        OwnFileHint => "Np. pobrany ze strony wyników albo z pabulib.org. Plik nie opuszcza Twojego komputera.",
            "E.g. downloaded from the results page or from pabulib.org. The file does not leave your computer.",
            "Напр. завантажений зі сторінки результатів або з pabulib.org. Файл не залишає вашого комп'ютера.";
        FileLoaded => "Wczytano plik {name}.", "Loaded {name}.", "Завантажено файл {name}.";
        ForgetFile => "Usuń plik", "Remove the file", "Видалити файл";
        CountingRule => "Metoda liczenia", "Counting rule", "Метод підрахунку";
        RuleGreedyName => "Najwięcej głosów najpierw (zachłanna)", "Most votes first (greedy)", "Спершу найбільше голосів (жадібний)";
        RuleMesName => "Metoda równych udziałów (MES)", "Method of Equal Shares (MES)", "Метод рівних часток (MES)";
        ChooseSource => "Wybierz pulę albo wczytaj plik .pb.", "Choose a pool or load a .pb file.", "Виберіть пул або завантажте файл .pb.";
        Count => "Policz", "Count", "Підрахувати";
        Counting => "Liczę…", "Counting…", "Підрахунок…";
        LineN => "wiersz {n}", "line {n}", "рядок {n}";
        FileRefused => "To nie jest poprawny plik .pb:", "This is not a valid .pb file:", "Це не коректний файл .pb:";
        RecountOutcome => "Wynik przeliczenia", "Your count", "Результат підрахунку";
        CountedWhat => "Policzono", "Counted", "Підраховано";
        Size => "Rozmiar", "Size", "Обсяг";
        ProjectsAndBallots => "projekty: {projects}, karty: {ballots}", "{projects} projects, {ballots} ballots", "проєктів: {projects}, бюлетенів: {ballots}";
        FundedInOrder => "Wybrane projekty (numery, w kolejności wyboru)", "Funded projects (numbers, in the order chosen)", "Профінансовані проєкти (номери, у порядку вибору)";
        TotalCost => "Łączny koszt", "Total cost", "Загальна вартість";
        Agrees => "Zgadza się z oficjalnymi wynikami.", "Agrees with the official results.", "Збігається з офіційними результатами.";
        Differs => "Różni się od oficjalnych wyników.", "Differs from the official results.", "Відрізняється від офіційних результатів.";
        OtherRule => "Urząd liczył tę pulę inną metodą — wybierz ją, aby porównać.", "The office counted this pool with another rule — choose it to compare.", "Установа рахувала цей пул іншим методом — виберіть його, щоб порівняти.";
        // The office's tools
        NewEdition => "Nowa edycja budżetu obywatelskiego", "New civic budget edition", "Новий випуск громадського бюджету";
        EditionTitle => "Nazwa edycji", "Edition title", "Назва випуску";
        ProposalsFrom => "Zgłaszanie projektów od", "Proposals from", "Подання проєктів з";
        ProposalsTo => "Zgłaszanie projektów do", "Proposals until", "Подання проєктів до";
        VerificationTo => "Weryfikacja do", "Verification until", "Перевірка до";
        AppealsTo => "Odwołania do", "Appeals until", "Оскарження до";
        VotingFrom => "Głosowanie od", "Voting from", "Голосування з";
        VotingTo => "Głosowanie do", "Voting until", "Голосування до";
        BallotKind => "Rodzaj karty", "Ballot type", "Тип бюлетеня";
        BallotApprovalName => "Wybór kilku projektów (limit na pulę)", "Several projects (a limit per pool)", "Кілька проєктів (ліміт на пул)";
        BallotChooseOneName => "Jeden projekt w puli", "One project per pool", "Один проєкт у пулі";
        BallotCostLimitedName => "Projekty w granicach budżetu puli", "Projects within the pool's budget", "Проєкти в межах бюджету пулу";
        MinAgeField => "Minimalny wiek głosujących (puste: bez limitu)", "Minimum voting age (empty: none)", "Мінімальний вік виборців (порожньо: без обмежень)";
        AddCitywidePool => "Dodaj pulę ogólnogminną", "Add a citywide pool", "Додати загальногромадський пул";
        AddDistrictPool => "Dodaj pulę osiedlową", "Add a district pool", "Додати районний пул";
        PoolName => "Nazwa puli", "Pool name", "Назва пулу";
        PoolBudget => "Budżet puli w złotych", "The pool's budget in złoty", "Бюджет пулу в злотих";
        PoolMax => "Najwięcej projektów na karcie", "Most projects per ballot", "Найбільше проєктів у бюлетені";
        CreateEdition => "Ogłoś edycję", "Announce the edition", "Оголосити випуск";
        Manage => "Zarządzanie edycją", "Manage the edition", "Керування випуском";
        EditEdition => "Harmonogram i zasady", "Timetable and rules", "Графік і правила";
        SaveEdition => "Zapisz zmiany", "Save the changes", "Зберегти зміни";
        ImportTitle => "Import pliku pabulib (.pb)", "Import a pabulib file (.pb)", "Імпорт файлу pabulib (.pb)";
        ImportLead => "Plik staje się nową pulą tej edycji: jego projekty trafiają na kartę, a jego głosy są liczone razem z innymi (oznaczone jako importowane).",
            "The file becomes a new pool of this edition: its projects go on the ballot and its votes count with the others (marked as imported).",
            "Файл стає новим пулом цього випуску: його проєкти потрапляють до бюлетеня, а голоси рахуються разом з іншими (позначені як імпортовані).";
        PbFile => "Plik .pb", "The .pb file", "Файл .pb";
        Import => "Importuj", "Import", "Імпортувати";
        Imported => "Zaimportowano pulę {pool}.", "Imported the pool {pool}.", "Імпортовано пул {pool}.";
        PaperBallotTitle => "Karta papierowa", "Paper ballot", "Паперовий бюлетень";
        VoterPesel => "PESEL głosującego (z karty)", "The voter's PESEL (from the ballot)", "PESEL виборця (з бюлетеня)";
        SavePaperBallot => "Zapisz kartę", "Save the ballot", "Зберегти бюлетень";
        PaperSaved => "Karta zapisana. Kod potwierdzenia dla głosującego: {code}", "Ballot saved. The voter's receipt code: {code}", "Бюлетень збережено. Код підтвердження для виборця: {code}";
        MapCaption => "Mapa projektów z lokalizacją: numery jak na liście poniżej (północ u góry).",
            "Map of the projects with a location: numbers as in the list below (north at the top).",
            "Мапа проєктів із розташуванням: номери як у списку нижче (північ угорі).";
    }
}
