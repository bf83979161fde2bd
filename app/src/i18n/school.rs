//! The gradebook's texts: only the school bundle carries them.

super::messages! {
    /// A gradebook text.
    School {
        Lead => "Dziennik elektroniczny: oceny ze średnimi i pełną historią zmian, bezpłatnie. Widzisz też, kto ze szkoły przeglądał dane ucznia.",
            "The e-gradebook: grades with averages and their full history, free of charge. You also see who at the school looked at a pupil's data.",
            "Електронний журнал: оцінки із середніми та повною історією змін, безкоштовно. Ви також бачите, хто зі школи переглядав дані учня.";
        LoginFirst => "Zaloguj się, aby otworzyć dziennik.", "Log in to open the gradebook.", "Увійдіть, щоб відкрити журнал.";
        NothingHere => "Do tego konta nie przypisano ucznia ani klasy. Jeśli to błąd, zgłoś się do sekretariatu szkoły.",
            "No pupil or class is linked to this account. If this is a mistake, contact the school office.",
            "До цього облікового запису не прив'язано жодного учня чи класу. Якщо це помилка, зверніться до секретаріату школи.";
        Children => "Moje dzieci", "My children", "Мої діти";
        Myself => "Mój dziennik", "My gradebook", "Мій журнал";
        Teaching => "Moje klasy i przedmioty", "My classes and subjects", "Мої класи та предмети";
        FormClass => "Wychowawca klasy", "Form teacher of", "Класний керівник класу";
        Class => "Klasa", "Class", "Клас";
        Child => "Uczeń", "Pupil", "Учень";
        Grades => "Oceny", "Grades", "Оцінки";
        Term1 => "Semestr 1", "Term 1", "Семестр 1";
        Term2 => "Semestr 2", "Term 2", "Семестр 2";
        Year => "Rok", "Year", "Рік";
        Average => "Średnia", "Average", "Середня";
        NoAverage => "—", "—", "—";
        NoGrades => "Brak ocen.", "No grades yet.", "Оцінок ще немає.";
        Weight => "waga", "weight", "вага";
        Proposed => "Ocena przewidywana", "Proposed grade", "Очікувана оцінка";
        Final => "Ocena śródroczna", "Term grade", "Семестрова оцінка";
        YearFinal => "Ocena roczna", "Year grade", "Річна оцінка";
        ProposedYear => "Przewidywana roczna", "Proposed year grade", "Очікувана річна";
        Descriptive => "ocena opisowa", "descriptive grade", "описова оцінка";
        DescriptiveHelp => "W klasach 1–3 ocena śródroczna i roczna jest opisowa: opisz słowami, co uczeń osiągnął (co najmniej 10 znaków). Tab przechodzi do następnego pola.",
            "In classes 1–3 term and year grades are descriptive: describe in words what the pupil has achieved (at least 10 characters). Tab moves to the next box.",
            "У 1–3 класах семестрова й річна оцінка описова: опишіть словами, чого досяг учень (щонайменше 10 символів). Tab переходить до наступного поля.";
        Removed => "usunięta", "removed", "видалена";
        History => "Historia zmian", "History of changes", "Історія змін";
        Changes => "zmiany", "changes", "зміни";
        Teacher => "Nauczyciel", "Teacher", "Учитель";
        Comment => "Komentarz", "Comment", "Коментар";
        RulePlus => "Plus dodaje", "A plus adds", "Плюс додає";
        RuleMinus => "minus odejmuje", "a minus takes", "мінус віднімає";
        RuleRest => "np, bz oraz + i − za aktywność nie liczą się do średniej.",
            "np, bz and the activity marks + and − do not count in the average.",
            "np, bz та + і − за активність не враховуються в середній.";
        CatTest => "Sprawdzian", "Test", "Контрольна";
        CatQuiz => "Kartkówka", "Quiz", "Самостійна";
        CatHomework => "Praca domowa", "Homework", "Домашнє завдання";
        CatOral => "Odpowiedź ustna", "Oral answer", "Усна відповідь";
        CatActivity => "Aktywność", "Activity", "Активність";
        Access => "Kto przeglądał dane", "Who looked at the data", "Хто переглядав дані";
        AccessLead => "Każde otwarcie ocen ucznia przez nauczyciela jest zapisywane w dzienniku zdarzeń. Tu widać, kto i kiedy.",
            "Every time a teacher opens a pupil's grades it is written to the audit log. Here you see who and when.",
            "Кожне відкриття оцінок учня вчителем записується до журналу подій. Тут видно, хто і коли.";
        NoAccess => "Nikt ze szkoły nie przeglądał jeszcze tych danych.", "Nobody at the school has looked at this data yet.", "Ніхто зі школи ще не переглядав цих даних.";
        Who => "Kto", "Who", "Хто";
        When => "Kiedy", "When", "Коли";
        What => "Co", "What", "Що";
        WhatGrades => "oceny ucznia", "the pupil's grades", "оцінки учня";
        WhatGrid => "oceny klasy z przedmiotu", "the class's grades in a subject", "оцінки класу з предмета";
        WhatToday => "dzień ucznia (plan, obecność, nowe oceny)", "the pupil's day (lessons, attendance, new grades)", "день учня (уроки, присутність, нові оцінки)";
        WhatAttendance => "frekwencja ucznia lub lista obecności klasy", "the pupil's attendance or the class's register", "відвідуваність учня або журнал присутності класу";
        Term => "Semestr", "Term", "Семестр";
        NewColumn => "Nowa kolumna ocen", "New column of grades", "Нова колонка оцінок";
        Category => "Kategoria", "Category", "Категорія";
        Topic => "Temat", "Topic", "Тема";
        Date => "Data", "Date", "Дата";
        AddColumn => "Dodaj kolumnę", "Add the column", "Додати колонку";
        Save => "Zapisz oceny", "Save the grades", "Зберегти оцінки";
        Saved => "Zapisano zmienione oceny:", "Grades changed and saved:", "Збережено змінених оцінок:";
        Unsaved => "Niezapisane zmiany:", "Unsaved changes:", "Незбережені зміни:";
        CommentPick => "Komentarz do oceny: najpierw wybierz komórkę z oceną.", "Comment on a grade: first pick a cell with a grade.", "Коментар до оцінки: спочатку виберіть клітинку з оцінкою.";
        CommentHelp => "Z komórki przejdziesz tu skrótem Alt+K; Enter wraca do komórki. Komentarz zapisuje się razem z ocenami i widzą go rodzice i uczeń.",
            "From a cell, Alt+K comes here; Enter goes back to the cell. The comment is saved with the grades, and parents and the pupil see it.",
            "З клітинки сюди веде Alt+K; Enter повертає до клітинки. Коментар зберігається разом з оцінками, його бачать батьки й учень.";
        HasComment => "komentarz", "comment", "коментар";
        GridHelp => "Wpisz ocenę (np. 5, 4+, 3−, np, bz, +) i naciśnij Enter, aby przejść do następnego ucznia; strzałki przesuwają między komórkami. Puste pole usuwa ocenę, a historia ją zachowa.",
            "Type a grade (e.g. 5, 4+, 3−, np, bz, +) and press Enter to move to the next pupil; the arrow keys move between cells. An empty cell removes the grade and the history keeps it.",
            "Введіть оцінку (напр. 5, 4+, 3−, np, bz, +) і натисніть Enter, щоб перейти до наступного учня; стрілки переміщують між клітинками. Порожня клітинка видаляє оцінку, а історія її зберігає.";
        GridFix => "Popraw zaznaczone komórki — nic nie zapisano.", "Correct the marked cells — nothing was saved.", "Виправте позначені клітинки — нічого не збережено.";
        Number => "Nr", "No.", "№";
        OpenGrid => "Oceny klasy", "Class grades", "Оцінки класу";
        ColumnAdded => "Dodano kolumnę.", "The column was added.", "Колонку додано.";
        GradeOf => "Ocena", "Grade", "Оцінка";
        Today => "Dziś", "Today", "Сьогодні";
        Attendance => "Frekwencja", "Attendance", "Відвідуваність";
        Timetable => "Plan lekcji", "Timetable", "Розклад";
        MyTimetable => "Mój plan lekcji", "My timetable", "Мій розклад";
        Sections => "Dziennik ucznia", "The pupil's gradebook", "Журнал учня";
        NoLessons => "Tego dnia nie ma lekcji.", "No lessons that day.", "Цього дня уроків немає.";
        Cancelled => "Odwołana", "Cancelled", "Скасовано";
        Substitution => "Zastępstwo", "Substitution", "Заміна";
        Room => "sala", "room", "кабінет";
        NewGrades => "Nowe oceny (7 dni)", "New grades (7 days)", "Нові оцінки (7 днів)";
        NoNewGrades => "W ostatnim tygodniu nie było nowych ocen.", "No new grades in the last week.", "За останній тиждень нових оцінок не було.";
        Unexcused => "Nieusprawiedliwione nieobecności w tym semestrze:", "Unexcused absences this term:", "Неоправдані пропуски в цьому семестрі:";
        ExcuseThem => "Usprawiedliw", "Excuse them", "Оправдати";
        PrevWeek => "Poprzedni tydzień", "Previous week", "Попередній тиждень";
        NextWeek => "Następny tydzień", "Next week", "Наступний тиждень";
        WeekOf => "Tydzień od", "Week of", "Тиждень від";
        StPresent => "obecny", "present", "присутній";
        StAbsent => "nieobecny", "absent", "відсутній";
        StLate => "spóźniony", "late", "запізнився";
        StExcused => "usprawiedliwiony", "excused", "оправдано";
        StReleased => "zwolniony", "released", "звільнений";
        NotTaken => "nie sprawdzono", "not taken yet", "ще не перевірено";
        Overall => "Razem", "Overall", "Разом";
        Lessons => "Lekcje", "Lessons", "Уроки";
        Absences => "Nieobecności i spóźnienia", "Absences and lateness", "Пропуски та запізнення";
        NoAbsences => "Brak nieobecności.", "No absences.", "Пропусків немає.";
        Excuses => "Usprawiedliwienia", "Excuses", "Оправдання";
        NewExcuse => "Usprawiedliw nieobecność", "Excuse an absence", "Оправдати пропуск";
        FromDate => "Od dnia", "From", "З дня";
        ToDate => "Do dnia", "To", "До дня";
        Reason => "Powód", "Reason", "Причина";
        Send => "Wyślij do wychowawcy", "Send to the form teacher", "Надіслати класному керівнику";
        ExcuseSent => "Usprawiedliwienie wysłane do wychowawcy.", "The excuse was sent to the form teacher.", "Оправдання надіслано класному керівнику.";
        ExPending => "czeka na wychowawcę", "waiting for the form teacher", "очікує на класного керівника";
        ExAccepted => "przyjęte", "accepted", "прийнято";
        ExRejected => "odrzucone", "rejected", "відхилено";
        CoversAbsences => "nieusprawiedliwione lekcje:", "unexcused lessons:", "неоправдані уроки:";
        TakeAttendance => "Sprawdź obecność", "Take attendance", "Перевірити присутність";
        AllPresent => "Wszyscy obecni", "Everyone present", "Усі присутні";
        SaveAttendance => "Zapisz obecność", "Save the attendance", "Зберегти присутність";
        AttendanceSaved => "Obecność zapisana.", "The attendance was saved.", "Присутність збережено.";
        PendingExcuses => "Usprawiedliwienia do rozpatrzenia", "Excuses to decide", "Оправдання на розгляд";
        NoPendingExcuses => "Nie ma usprawiedliwień do rozpatrzenia.", "No excuses wait for you.", "Немає оправдань на розгляд.";
        Accept => "Przyjmij", "Accept", "Прийняти";
        Reject => "Odrzuć", "Reject", "Відхилити";
        RejectNote => "Uzasadnienie odrzucenia", "Why it is rejected", "Причина відхилення";
        Decided => "Decyzja zapisana.", "The decision was saved.", "Рішення збережено.";
        SentBy => "Wysłał(a)", "Sent by", "Надіслав(ла)";
        Notices => "Ogłoszenia", "Notices", "Оголошення";
        NoNotices => "Brak ogłoszeń.", "No notices.", "Оголошень немає.";
        NewNotice => "Nowe ogłoszenie", "New notice", "Нове оголошення";
        For => "Do kogo", "For", "Для кого";
        WholeSchool => "Cała szkoła", "The whole school", "Уся школа";
        YearGroup => "Klasy", "Classes", "Класи";
        Body => "Treść", "Text", "Текст";
        Publish => "Opublikuj", "Publish", "Опублікувати";
        Published => "Ogłoszenie opublikowane.", "The notice was published.", "Оголошення опубліковано.";
        MyNotices => "Moje ogłoszenia", "My notices", "Мої оголошення";
        Messages => "Wiadomości", "Messages", "Повідомлення";
        NewMessage => "Nowa wiadomość", "New message", "Нове повідомлення";
        To => "Do kogo", "To", "Кому";
        Subject => "Przedmiot", "Subject", "Предмет";
        Sent => "Wiadomość wysłana.", "The message was sent.", "Повідомлення надіслано.";
        SendMessage => "Wyślij wiadomość", "Send the message", "Надіслати повідомлення";
        NoMessages => "Brak wiadomości.", "No messages.", "Повідомлень немає.";
        UnreadCount => "nieprzeczytane:", "unread:", "непрочитані:";
        ReadBy => "Przeczytane przez:", "Read by:", "Прочитали:";
        NotYetRead => "Jeszcze nieprzeczytane", "Not read yet", "Ще не прочитано";
        Answer => "Odpowiedz", "Reply", "Відповісти";
        YourAnswer => "Twoja odpowiedź", "Your reply", "Ваша відповідь";
        About => "W sprawie ucznia", "About the pupil", "Щодо учня";
        With => "Rozmowa z", "With", "Розмова з";
        KindFormTeacher => "wychowawca", "form teacher", "класний керівник";
        KindGuardian => "rodzic lub opiekun", "parent or guardian", "батько чи опікун";
        KindPupil => "uczeń", "pupil", "учень";
        MailSettings => "Powiadomienia e-mail", "E-mail notifications", "Сповіщення електронною поштою";
        MailLead => "Powiadomienia są bezpłatne. Wybierz, o czym chcesz dostawać e-mail. Treści wiadomości nie wysyłamy e-mailem — przeczytasz ją po zalogowaniu.",
            "Notifications are free. Choose what you want an e-mail about. A message's text is never e-mailed — you read it after logging in.",
            "Сповіщення безкоштовні. Оберіть, про що ви хочете отримувати e-mail. Текст повідомлення ми не надсилаємо поштою — ви прочитаєте його після входу.";
        MailMessage => "Nowe wiadomości", "New messages", "Нові повідомлення";
        MailNotice => "Ogłoszenia nauczycieli", "Teachers' notices", "Оголошення вчителів";
        MailGrade => "Nowe oceny", "New grades", "Нові оцінки";
        MailExcuse => "Usprawiedliwienia (wysłane i rozpatrzone)", "Excuses (sent and decided)", "Оправдання (надіслані й розглянуті)";
        MailTimetable => "Zastępstwa i odwołane lekcje", "Substitutions and cancelled lessons", "Заміни та скасовані уроки";
        SaveSettings => "Zapisz ustawienia", "Save the settings", "Зберегти налаштування";
        SettingsSaved => "Ustawienia zapisane.", "The settings were saved.", "Налаштування збережено.";
        Agenda => "Sprawdziany i zadania", "Tests and homework", "Контрольні та завдання";
        AgendaLead => "Zapowiedziane sprawdziany, kartkówki i zadania domowe: od tygodnia wstecz do ośmiu tygodni naprzód. Są też w kalendarzu w telefonie.",
            "Announced tests, quizzes and homework, from a week ago to eight weeks ahead. They are in the phone calendar too.",
            "Заплановані контрольні, самостійні та домашні завдання: від тижня тому до восьми тижнів наперед. Вони є й у календарі телефону.";
        NoAgenda => "Nic nie zapowiedziano.", "Nothing is announced.", "Нічого не заплановано.";
        Homework => "Zadanie domowe", "Homework", "Домашнє завдання";
        DueOn => "Termin", "Due", "Термін";
        Details => "Szczegóły", "Details", "Деталі";
        SetHomework => "Zadaj pracę domową", "Set homework", "Задати домашнє завдання";
        HomeworkSet => "Zadanie zapisane.", "The homework was saved.", "Завдання збережено.";
        Withdraw => "Wycofaj", "Withdraw", "Скасувати";
        Withdrawn => "Zadanie wycofane.", "The homework was withdrawn.", "Завдання скасовано.";
        ClassAgenda => "Terminarz klasy", "The class's agenda", "Розклад класу";
        WhatContacts => "kontakty ucznia (rodzice)", "the pupil's contacts (parents)", "контакти учня (батьки)";
        Feed => "Kalendarz w telefonie", "Calendar on the phone", "Календар у телефоні";
        FeedHint => "Plan lekcji na dwa tygodnie, odwołane lekcje, zapowiedziane sprawdziany i zadania domowe w kalendarzu telefonu. Adres jest tajny — nie udostępniaj go.",
            "Two weeks of lessons, cancellations, announced tests and homework in the phone's calendar. The address is secret — do not share it.",
            "Розклад на два тижні, скасовані уроки, заплановані контрольні та домашні завдання в календарі телефону. Адреса таємна — не поширюйте її.";
        Subscribe => "Subskrybuj kalendarz", "Subscribe to the calendar", "Підписатися на календар";
        NewAddress => "Nowy adres (stary przestanie działać)", "A new address (the old one stops working)", "Нова адреса (стара перестане працювати)";
        WriteToClass => "Wiadomość do rodziców klasy", "A message to a class's parents", "Повідомлення батькам класу";
        WriteToClassHint => "Każda rodzina dostaje osobny wątek: jej odpowiedź widzisz tylko Ty i ta rodzina.",
            "Each family gets a thread of its own: its answer is seen only by you and that family.",
            "Кожна родина отримує окрему розмову: її відповідь бачите лише ви й ця родина.";
        SentToClass => "Wysłano do rodzin uczniów: {threads}. Bez opiekuna w systemie: {none}.",
            "Sent to the families of pupils: {threads}. Without a guardian in the system: {none}.",
            "Надіслано родинам учнів: {threads}. Без опікуна в системі: {none}.";
    }
}
